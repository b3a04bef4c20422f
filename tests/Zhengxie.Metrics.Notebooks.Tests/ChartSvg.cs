using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zhengxie.Metrics.Notebooks.Tests;

/// <summary>
/// Draws the line traces of a Plotly chart (the <c>data</c> array of the HTML Plotly.NET embeds) as a
/// static SVG: categories along x, a zero-based y axis with round ticks, one coloured line per trace and
/// a legend. A repository page shows it where the chart's own script would not run. Culture-invariant.
/// </summary>
internal static partial class ChartSvg
{
    private const int Width = 720, Height = 380, Left = 64, Right = 150, Top = 20, Bottom = 40;

    // The default colour sequence of plotly.js (D3's category10).
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The SVG of a Plotly chart's HTML, or <see langword="null"/> when the HTML is no Plotly chart of line traces.</summary>
    internal static string? FromPlotlyHtml(string html)
    {
        var match = DataArray().Match(html);
        if (!match.Success)
        {
            return null;
        }

        using var data = JsonDocument.Parse(match.Groups["data"].Value);
        var traces = new List<(string Name, List<string> X, List<double> Y)>();
        foreach (var trace in data.RootElement.EnumerateArray())
        {
            if (!trace.TryGetProperty("x", out var x) || !trace.TryGetProperty("y", out var y))
            {
                return null;
            }

            string name = trace.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            traces.Add((name, x.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList(), y.EnumerateArray().Select(v => v.GetDouble()).ToList()));
        }

        return traces.Count == 0 ? null : Draw(traces);
    }

    private static string Draw(List<(string Name, List<string> X, List<double> Y)> traces)
    {
        var categories = traces.SelectMany(t => t.X).Distinct().ToList();
        double top = NiceTop(traces.SelectMany(t => t.Y).DefaultIfEmpty(1).Max());
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(string category) => Left + (categories.Count == 1 ? plotWidth / 2 : categories.IndexOf(category) * plotWidth / (categories.Count - 1));
        double Y(double value) => Top + plotHeight - (value / top * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        for (int i = 0; i <= 5; i++)
        {
            double value = top * i / 5, y = Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:#,0.##}</text>\n"));
        }

        foreach (string category in categories)
        {
            svg.Append(Invariant($"<text x=\"{X(category):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(category)}</text>\n"));
        }

        for (int t = 0; t < traces.Count; t++)
        {
            var (name, xs, ys) = traces[t];
            string colour = Colours[t % Colours.Length];
            string points = string.Join(" ", xs.Zip(ys, (x, y) => Invariant($"{X(x):0.#},{Y(y):0.#}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n"));
            double legendY = Top + 8 + (t * 18);
            svg.Append(Invariant($"<line x1=\"{Width - Right + 16}\" y1=\"{legendY}\" x2=\"{Width - Right + 36}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Right + 42}\" y=\"{legendY + 4}\">{WebUtility.HtmlEncode(name)}</text>\n"));
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above the largest value.</summary>
    private static double NiceTop(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (double step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"var data = (?<data>\[.*?\]);\s*\n", RegexOptions.Singleline)]
    private static partial Regex DataArray();
}
