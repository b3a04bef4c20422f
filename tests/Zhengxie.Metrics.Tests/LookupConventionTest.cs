using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests;

/// <summary>
/// One look-up convention across the public API: <c>Get…</c> and indexers throw <see cref="KeyNotFoundException"/>,
/// <c>TryGet…</c> return a bool with the value in an out parameter; no −1 and no <see langword="null"/> for "not found".
/// </summary>
public class LookupConventionTest
{
    // Get… members whose null is a value, not a miss: a change or share with no value (no data, bounds only).
    private static readonly HashSet<string> NullIsAValue =
    [
        "IndicatorTable.GetRateChange",
        "IndicatorTable.GetShare",
        "IndicatorTable.GetShareOfParent",
    ];

    public static IEnumerable<Type> PublicTypes() =>
        new[] { typeof(Measure).Assembly, typeof(Zhengxie.Metrics.Csv.FigureCsvReader).Assembly }.SelectMany(a => a.GetExportedTypes());

    private static IEnumerable<MethodInfo> PublicMethods() =>
        PublicTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName || m.Name == "get_Item")
            .Where(m => m.GetBaseDefinition().DeclaringType!.Assembly == m.DeclaringType!.Assembly); // not overrides of .NET's members (JsonSerializerContext.GetTypeInfo)

    [Fact]
    public void No_public_method_finds_by_returning_a_sentinel()
    {
        var finders = PublicMethods()
            .Where(m => (m.Name.StartsWith("Find", StringComparison.Ordinal) && m.ReturnType.IsValueType) || m.Name.StartsWith("IndexOf", StringComparison.Ordinal))
            .Select(Name)
            .ToList();
        finders.Should().BeEmpty("a look-up is Get… (throws KeyNotFoundException) or TryGet… (returns a bool), never −1");
    }

    [Fact]
    public void No_Get_method_or_indexer_returns_null_for_a_miss()
    {
        var nullability = new NullabilityInfoContext();
        var offenders = PublicMethods()
            .Where(m => m.Name.StartsWith("Get", StringComparison.Ordinal) || m.Name == "get_Item")
            .Where(m => m.Name is not ("GetHashCode" or "GetType" or "GetEnumerator"))
            .Where(m => Nullable.GetUnderlyingType(m.ReturnType) is not null
                || (!m.ReturnType.IsValueType && nullability.Create(m.ReturnParameter).ReadState == NullabilityState.Nullable))
            .Select(Name)
            .Where(n => !NullIsAValue.Contains(n))
            .ToList();
        offenders.Should().BeEmpty("Get… throws KeyNotFoundException on a miss; TryGet… reports it");
    }

    [Fact]
    public void Every_TryGet_returns_a_bool_and_marks_its_out_value()
    {
        var nullability = new NullabilityInfoContext();
        foreach (var m in PublicMethods().Where(m => m.Name.StartsWith("TryGet", StringComparison.Ordinal)))
        {
            m.ReturnType.Should().Be<bool>(Name(m));
            var outs = m.GetParameters().Where(p => p.IsOut).ToList();
            outs.Should().NotBeEmpty(Name(m));
            foreach (var p in outs.Where(p => !p.ParameterType.GetElementType()!.IsValueType))
            {
                bool marked = p.GetCustomAttribute<NotNullWhenAttribute>() is not null || p.GetCustomAttribute<MaybeNullWhenAttribute>() is not null;
                marked.Should().BeTrue($"{Name(m)}'s out parameter {p.Name} says when it is null");
                nullability.Create(p).WriteState.Should().NotBe(NullabilityState.NotNull, $"{Name(m)}'s out parameter {p.Name} is null on a miss");
            }
        }
    }

    private static string Name(MethodInfo m) => m.DeclaringType!.Name + "." + m.Name;
}
