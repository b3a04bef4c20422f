using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Utility;

/// <summary>Argument checks with invariant messages, in one place.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return argument;
    }

    internal static void CheckArgumentRange(bool condition, object? actualValue, string message, [CallerArgumentExpression(nameof(actualValue))] string? paramName = null)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static string CheckNotNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        return argument;
    }
}
