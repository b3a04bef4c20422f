using System.Globalization;

namespace Zhengxie.Metrics.Cli.Reporting;

/// <summary>An inclusive range of years, from <c>--years 2018..2024</c> (or <c>2020</c>, <c>2018..</c>, <c>..2020</c>).</summary>
/// <param name="From">The first year, or <see langword="null"/> for no lower limit.</param>
/// <param name="To">The last year, or <see langword="null"/> for no upper limit.</param>
internal readonly record struct YearRange(int? From, int? To)
{
    internal bool Contains(int year) => (From is null || year >= From) && (To is null || year <= To);

    internal static bool TryParse(string text, out YearRange range, out string problem)
    {
        range = default;
        problem = string.Empty;
        text = text.Trim();
        int dots = text.IndexOf("..", System.StringComparison.Ordinal);
        string fromText = dots < 0 ? text : text[..dots];
        string toText = dots < 0 ? text : text[(dots + 2)..];
        int? from = null, to = null;
        if (fromText.Length > 0)
        {
            if (!TryYear(fromText, out int y))
            {
                problem = $"'{text}' is not a year range: write 2018..2024, 2020, 2018.. or ..2024 (years 1949 to 2200)";
                return false;
            }

            from = y;
        }

        if (toText.Length > 0)
        {
            if (!TryYear(toText, out int y))
            {
                problem = $"'{text}' is not a year range: write 2018..2024, 2020, 2018.. or ..2024 (years 1949 to 2200)";
                return false;
            }

            to = y;
        }

        if (from is null && to is null)
        {
            problem = "the year range is empty: write 2018..2024, 2020, 2018.. or ..2024.";
            return false;
        }

        if (from > to)
        {
            problem = $"the year range {text} runs backwards.";
            return false;
        }

        range = new YearRange(from, to);
        return true;
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1949 and <= 2200;

    /// <summary>Returns <c>2018..2024</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => From == To && From is not null
        ? From.Value.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From}..{To}");
}
