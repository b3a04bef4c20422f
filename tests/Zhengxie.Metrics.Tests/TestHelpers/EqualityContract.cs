using System;
using System.Reflection;
using FluentAssertions;

namespace Zhengxie.Metrics.Tests.TestHelpers;

/// <summary>
/// Asserts the equality and ordering contract of a value type in one call: <c>Equals(T)</c>,
/// <c>Equals(object)</c>, <c>==</c>, <c>!=</c>, <c>GetHashCode</c>, and for comparable types
/// <c>CompareTo(T)</c>, <c>IComparable.CompareTo(object)</c> (null sorts first, another type throws)
/// and <c>&lt; &gt; &lt;= &gt;=</c>. Operators are found by reflection, so the helper works for types
/// with or without the generic-math interfaces; a type that declares none is allowed to (set
/// <c>requireOperators</c> to false).
/// </summary>
internal static class EqualityContract
{
    /// <summary>Asserts that <paramref name="value"/> and <paramref name="equalValue"/> are equal by every means, with equal hash codes.</summary>
    public static void AssertEqual<T>(T value, T equalValue, bool requireOperators = true)
        where T : notnull, IEquatable<T>
    {
        value.Equals(equalValue).Should().BeTrue("Equals(T) of {0} and {1}", value, equalValue);
        equalValue.Equals(value).Should().BeTrue("Equals(T) is symmetric");
        value.Equals((object?)equalValue).Should().BeTrue("Equals(object)");
        value.Equals(value).Should().BeTrue("Equals is reflexive");
        value.GetHashCode().Should().Be(equalValue.GetHashCode(), "equal values have equal hash codes");
        object boxed = value;
        boxed.Equals(new object()).Should().BeFalse("nothing equals an object of another type");
        boxed.Equals(null).Should().BeFalse("nothing equals null");
        AssertOperator("op_Equality", value, equalValue, true, requireOperators);
        AssertOperator("op_Inequality", value, equalValue, false, requireOperators);
        if (value is IComparable<T> comparable)
        {
            comparable.CompareTo(equalValue).Should().Be(0, "CompareTo is consistent with Equals");
            ((IComparable<T>)equalValue).CompareTo(value).Should().Be(0);
            AssertOperator("op_LessThan", value, equalValue, false, requireOperators);
            AssertOperator("op_GreaterThan", value, equalValue, false, requireOperators);
            AssertOperator("op_LessThanOrEqual", value, equalValue, true, requireOperators);
            AssertOperator("op_GreaterThanOrEqual", value, equalValue, true, requireOperators);
        }
    }

    /// <summary>Asserts that <paramref name="value"/> and <paramref name="otherValue"/> are unequal by every means.</summary>
    public static void AssertUnequal<T>(T value, T otherValue, bool requireOperators = true)
        where T : notnull, IEquatable<T>
    {
        value.Equals(otherValue).Should().BeFalse("Equals(T) of {0} and {1}", value, otherValue);
        otherValue.Equals(value).Should().BeFalse("Equals(T) is symmetric");
        value.Equals((object?)otherValue).Should().BeFalse("Equals(object)");
        AssertOperator("op_Equality", value, otherValue, false, requireOperators);
        AssertOperator("op_Inequality", value, otherValue, true, requireOperators);
        if (value is IComparable<T> comparable)
        {
            comparable.CompareTo(otherValue).Should().NotBe(0, "CompareTo is consistent with Equals");
        }
    }

    /// <summary>Asserts that <paramref name="smaller"/> sorts strictly before <paramref name="larger"/> by every means (and so they are unequal).</summary>
    public static void AssertLess<T>(T smaller, T larger, bool requireOperators = true)
        where T : notnull, IEquatable<T>, IComparable<T>, IComparable
    {
        AssertUnequal(smaller, larger, requireOperators);
        smaller.CompareTo(larger).Should().BeNegative("{0} sorts before {1}", smaller, larger);
        larger.CompareTo(smaller).Should().BePositive("{0} sorts after {1}", larger, smaller);
        ((IComparable)smaller).CompareTo(larger).Should().BeNegative("IComparable.CompareTo(object) agrees");
        ((IComparable)larger).CompareTo(smaller).Should().BePositive("IComparable.CompareTo(object) agrees");
        AssertOperator("op_LessThan", smaller, larger, true, requireOperators);
        AssertOperator("op_LessThanOrEqual", smaller, larger, true, requireOperators);
        AssertOperator("op_GreaterThan", smaller, larger, false, requireOperators);
        AssertOperator("op_GreaterThanOrEqual", smaller, larger, false, requireOperators);
        AssertOperator("op_LessThan", larger, smaller, false, requireOperators);
        AssertOperator("op_GreaterThan", larger, smaller, true, requireOperators);
    }

    /// <summary>Asserts the non-generic <see cref="IComparable"/> rules: null sorts first, an object of another type throws.</summary>
    public static void AssertNonGenericComparison<T>(T value)
        where T : notnull, IComparable
    {
        value.CompareTo(null).Should().BePositive("every value sorts after null");
        var act = () => value.CompareTo(new object());
        act.Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// Asserts, for any two values, that ordering and equality agree: CompareTo is 0 exactly when Equals is
    /// true, CompareTo is antisymmetric, and the operators agree with both. For property tests.
    /// </summary>
    public static void AssertConsistent<T>(T a, T b, bool requireOperators = true)
        where T : notnull, IEquatable<T>, IComparable<T>, IComparable
    {
        int ab = Math.Sign(a.CompareTo(b));
        int ba = Math.Sign(b.CompareTo(a));
        ba.Should().Be(-ab, "CompareTo is antisymmetric for {0} and {1}", a, b);
        (ab == 0).Should().Be(a.Equals(b), "CompareTo is 0 exactly when Equals is true, for {0} and {1}", a, b);
        if (ab == 0)
        {
            AssertEqual(a, b, requireOperators);
        }
        else if (ab < 0)
        {
            AssertLess(a, b, requireOperators);
        }
        else
        {
            AssertLess(b, a, requireOperators);
        }
    }

    private static void AssertOperator<T>(string name, T left, T right, bool expected, bool required)
    {
        MethodInfo? op = typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(T), typeof(T)]);
        if (op is null)
        {
            required.Should().BeFalse("{0} declares {1}", typeof(T).Name, name);
            return;
        }

        op.Invoke(null, [left, right]).Should().Be(expected, "{0}({1}, {2})", name, left, right);
    }
}
