using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Utility;

/// <summary>
/// Argument checks with invariant messages, in one place. A check that passes allocates nothing: an
/// interpolated message is formatted (culture-invariant) only when its condition is false
/// (<see cref="FailureMessageHandler"/>), and the actual value of a range check is boxed only on failure.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            ThrowArgumentNull(paramName);
        }

        return argument;
    }

    internal static void CheckArgumentRange<T>(bool condition, T actualValue, string message, [CallerArgumentExpression(nameof(actualValue))] string? paramName = null)
    {
        if (!condition)
        {
            ThrowArgumentOutOfRange(paramName, actualValue, message);
        }
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            ThrowArgument(message, paramName);
        }
    }

    /// <summary>As <see cref="CheckArgument(bool, string, string)"/>, with an interpolated message that is only formatted when <paramref name="condition"/> is false.</summary>
    internal static void CheckArgument(
        [DoesNotReturnIf(false)] bool condition,
        string paramName,
        [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessageHandler message)
    {
        if (!condition)
        {
            ThrowArgument(message.ToStringAndClear(), paramName);
        }
    }

    internal static string CheckNotNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            ThrowArgumentNull(paramName);
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            ThrowArgument("The value must not be empty or white space.", paramName);
        }

        return argument;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowArgument(string message, string? paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull(string? paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentOutOfRange<T>(string? paramName, T actualValue, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actualValue, message);
}

/// <summary>
/// Builds an argument check's message, culture-invariant, only when the check fails: the compiler passes the
/// condition to the constructor, which tells it to skip every hole when the condition holds.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FailureMessageHandler
{
    private DefaultInterpolatedStringHandler inner;

    /// <summary>Starts a message for a check whose outcome is <paramref name="condition"/>.</summary>
    public FailureMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        inner = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    /// <summary>Appends a value.</summary>
    public void AppendFormatted<T>(T value) => inner.AppendFormatted(value);

    /// <summary>Appends a value with a format.</summary>
    public void AppendFormatted<T>(T value, string? format) => inner.AppendFormatted(value, format);

    /// <summary>Appends characters.</summary>
    public void AppendFormatted(ReadOnlySpan<char> value) => inner.AppendFormatted(value);

    /// <summary>Appends a string.</summary>
    public void AppendFormatted(string? value) => inner.AppendFormatted(value);

    /// <summary>Gets the message.</summary>
    public string ToStringAndClear() => inner.ToStringAndClear();
}
