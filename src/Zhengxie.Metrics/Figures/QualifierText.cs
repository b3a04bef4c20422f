using System;
using Zhengxie.Metrics.Utility;

namespace Zhengxie.Metrics;

/// <summary>The stable words of <see cref="Qualifier"/> values in data files (<c>exact</c>, <c>more_than</c>, ...).</summary>
public static class QualifierText
{
    /// <summary>Returns the word of a qualifier.</summary>
    /// <param name="qualifier">The qualifier.</param>
    /// <returns>The word, such as <c>more_than</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string ToWord(Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "exact",
        Qualifier.MoreThan => "more_than",
        Qualifier.AtLeast => "at_least",
        Qualifier.Nearly => "nearly",
        Qualifier.About => "about",
        Qualifier.All => "all",
        Qualifier.PercentReported => "percent_reported",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Unknown qualifier."),
    };

    /// <summary>Tries to read a qualifier's word.</summary>
    /// <param name="word">The word, such as <c>more_than</c> (case-sensitive).</param>
    /// <param name="qualifier">The qualifier, when the word is one.</param>
    /// <returns>Whether the word is known.</returns>
    public static bool TryParse(string? word, out Qualifier qualifier)
    {
        switch (word)
        {
            case "exact": qualifier = Qualifier.Exact; return true;
            case "more_than": qualifier = Qualifier.MoreThan; return true;
            case "at_least": qualifier = Qualifier.AtLeast; return true;
            case "nearly": qualifier = Qualifier.Nearly; return true;
            case "about": qualifier = Qualifier.About; return true;
            case "all": qualifier = Qualifier.All; return true;
            case "percent_reported": qualifier = Qualifier.PercentReported; return true;
            default: qualifier = default; return false;
        }
    }

    /// <summary>Reads a qualifier's word.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The qualifier.</returns>
    /// <exception cref="FormatException">The word is not a qualifier.</exception>
    public static Qualifier Parse(string word)
    {
        Preconditions.CheckNotNull(word);
        return TryParse(word, out var q)
            ? q
            : throw new FormatException($"'{word}' is not a qualifier: use exact, more_than, at_least, nearly, about, all or percent_reported.");
    }

    /// <summary>Returns the word of a scope: <c>committee</c> or <c>region_total</c>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The word.</returns>
    public static string ToWord(FigureScope scope) => scope switch
    {
        FigureScope.Committee => "committee",
        FigureScope.RegionTotal => "region_total",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope."),
    };

    /// <summary>Tries to read a scope's word (<c>committee</c> or <c>region_total</c>).</summary>
    /// <param name="word">The word.</param>
    /// <param name="scope">The scope, when the word is one.</param>
    /// <returns>Whether the word is known.</returns>
    public static bool TryParseScope(string? word, out FigureScope scope)
    {
        switch (word)
        {
            case "committee": scope = FigureScope.Committee; return true;
            case "region_total": scope = FigureScope.RegionTotal; return true;
            default: scope = default; return false;
        }
    }
}
