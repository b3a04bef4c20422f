using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Extraction;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Tests.Csv;

namespace Zhengxie.Metrics.Tests.Fuzz;

/// <summary>
/// The fuzz harness (issue 10): random mutations of the seed corpus in <c>Fuzz/Corpus</c> (fixed seeds, so a
/// run is reproducible) fed to the CSV reader, the JSON readers, every text parser and the report
/// extractor, each for a time budget. A target fails on an exception type it does not document, on a hang
/// (an input taking longer than <see cref="HangLimit"/>), or on a value that does not round-trip. The budget
/// is <c>ZHENGXIE_FUZZ_SECONDS</c> per target (default 1 s, so the ordinary suite stays quick; CI's fuzz step
/// gives each target 8 s). A failing input is written as a JSON string to <c>zhengxie-fuzz-failures/</c> in the
/// temporary folder and shown in the failure message; add it to the corpus once fixed.
/// </summary>
public partial class FuzzTest
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private static readonly string CorpusFolder = Path.Combine(RepositoryFiles.Root, "tests", "Zhengxie.Metrics.Tests", "Fuzz", "Corpus");

    /// <summary>Characters a mutation inserts: structure of every format, digits of every width, qualifier words, odd spaces and surrogates.</summary>
    private static readonly string[] Interesting =
    [
        ",", "\"", "\n", "\r\n", "\r", "\t", " ", "\u3000", "\u00a0", "\u200b", "\ufeff", "{", "}", "[", "]", ":", "null", "true", "-", "+", ".", "..", "/", "@",
        "0", "9", "00", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e400", "79228162514264337593543950336", "1.5", "0.0000000001",
        "９", "十", "万", "亿", "萬", "余", "多", "近", "约", "全部", "%", "％", "件", "万元", "次", "\ud800", "\udc00", "😀", "\u0000", "county", "prefecture",
        "more_than", "all", "percent_reported", "region_total", "@2020", "+@", "2200", "1948", "99999",
    ];

    private static int BudgetSeconds =>
        int.TryParse(Environment.GetEnvironmentVariable("ZHENGXIE_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 1;

    private static string[] Corpus(string pattern) =>
        Directory.GetFiles(CorpusFolder, pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>One mutation of a seed: replace, insert, delete or duplicate a span, splice another seed, or truncate.</summary>
    internal static string Mutate(Random random, string text, string[] corpus)
    {
        var s = new StringBuilder(text);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = s.Length == 0 ? 0 : random.Next(s.Length + 1);
            int len = s.Length - at == 0 ? 0 : random.Next(Math.Min(8, s.Length - at) + 1);
            switch (random.Next(7))
            {
                case 0:
                    s.Remove(at, len).Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 1:
                    s.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    s.Remove(at, len);
                    break;
                case 3:
                    s.Insert(at, s.ToString(at, len));
                    break;
                case 4:
                    string other = corpus[random.Next(corpus.Length)];
                    int from = random.Next(other.Length + 1);
                    s.Insert(at, other.AsSpan(from, random.Next(Math.Min(40, other.Length - from) + 1)));
                    break;
                case 5:
                    s.Length = at;
                    break;
                default:
                    if (at < s.Length)
                    {
                        s[at] = (char)random.Next(0x20, 0x3000);
                    }

                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>Runs <paramref name="check"/> on mutated inputs for the budget; fails on an undocumented exception, a hang, or a failed round-trip.</summary>
    private static void Fuzz(string target, string[] corpus, int seed, Action<string> check, params Type[] documented)
    {
        corpus.Should().NotBeEmpty();
        foreach (string input in corpus)
        {
            // The seeds themselves must pass (they are valid inputs).
            check(input);
        }

        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        long runs = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(BudgetSeconds))
        {
            string input = Mutate(random, corpus[random.Next(corpus.Length)], corpus);
            if (random.Next(4) == 0)
            {
                input = Mutate(random, input, corpus);
            }

            runs++;
            var task = Task.Run(() => check(input));
            bool finished;
            try
            {
                finished = task.Wait(HangLimit);
            }
            catch (AggregateException e) when (e.InnerException is { } inner && documented.Any(t => t.IsInstanceOfType(inner)))
            {
                continue;
            }
            catch (AggregateException e)
            {
                Fail(target, input, e.InnerException!.GetType().Name + ": " + e.InnerException.Message);
                throw;
            }

            if (!finished)
            {
                Fail(target, input, string.Create(CultureInfo.InvariantCulture, $"hang: no answer within {HangLimit.TotalSeconds} s"));
            }
        }

        runs.Should().BePositive();
    }

    private static void Fail(string target, string input, string problem)
    {
        string folder = Path.Combine(Path.GetTempPath(), "zhengxie-fuzz-failures");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, target + "-" + Guid.NewGuid().ToString("N")[..8] + ".json");

        // As a JSON string: the input may hold lone surrogates, which no UTF-8 file can.
        var escaped = new StringBuilder("\"");
        foreach (char c in input)
        {
            escaped.Append(c is < ' ' or '"' or '\\' || char.IsSurrogate(c) || c > '~' ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
        }

        escaped.Append('"');
        File.WriteAllText(file, escaped.ToString());
        throw new Xunit.Sdk.XunitException($"fuzz {target}: {problem}; input (a JSON string, also in {file}): {escaped}");
    }

    [Fact]
    public void Csv_reader()
    {
        Fuzz("csv", Corpus("*.csv"), 1, input =>
        {
            var result = FigureCsvReader.Read(new StringReader(input));
            result.Figures.Count.Should().BeLessThanOrEqualTo(result.RowCount);
            result.ErrorCount.Should().Be(result.Findings.Count(f => f.IsError));
            if (result.Figures.Count == 0)
            {
                return;
            }

            // What was read is written and read back the same.
            var text = new StringWriter();
            FigureCsvWriter.Write(result.Figures, text);
            var again = FigureCsvReader.Read(new StringReader(text.ToString()));
            again.Findings.Where(f => f.IsError).Should().BeEmpty(text.ToString());
            again.Figures.Should().Equal(result.Figures);
            again.Figures.Select(f => (f.Topic, f.Source)).Should().Equal(result.Figures.Select(f => (f.Topic, f.Source)));
        });
    }

    private static void JsonRoundTrip<T>(string input)
    {
        var value = ZhengxieJson.Deserialize<T>(input);
        string json = ZhengxieJson.Serialize(value);
        var again = ZhengxieJson.Deserialize<T>(json);
        ZhengxieJson.Serialize(again).Should().Be(json);
        if (value is not System.Collections.IEnumerable)
        {
            again.Should().Be(value, json);
        }
    }

    [Fact]
    public void Json_readers()
    {
        string[] corpus = Corpus("*.json");
        Fuzz("json", corpus, 2, input =>
        {
            string trimmed = input.TrimStart();
            if (trimmed.StartsWith('['))
            {
                JsonRoundTrip<List<Figure>>(input);
            }
            else if (trimmed.Contains("\"lower\"", StringComparison.Ordinal))
            {
                JsonRoundTrip<Bounds>(input);
            }
            else
            {
                JsonRoundTrip<Figure>(input);
            }
        }, typeof(JsonException));
    }

    [Fact]
    public void Json_readers_of_the_value_types()
    {
        string[] corpus = Corpus("tokens.txt")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => JsonSerializer.Serialize(t)).Append("176").Append("{\"lower\":1,\"upper\":null}").ToArray();
        Fuzz("json-values", corpus, 3, input =>
        {
            foreach (var read in new Action<string>[] { JsonRoundTrip<Committee>, JsonRoundTrip<ReportingPeriod>, JsonRoundTrip<Measure>, JsonRoundTrip<RegionCode>, JsonRoundTrip<Qualifier>, JsonRoundTrip<Bounds> })
            {
                try
                {
                    read(input);
                }
                catch (JsonException)
                {
                    // documented; the next reader may take it
                }
            }
        });
    }

    [Fact]
    public void Text_parsers()
    {
        string[] corpus = Corpus("tokens.txt")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Fuzz("parsers", corpus, 4, input =>
        {
            if (Committee.TryParse(input, out var committee))
            {
                Committee.Parse(committee.ToString()).Should().Be(committee);
            }
            else
            {
                FluentActions.Invoking(() => Committee.Parse(input)).Should().Throw<FormatException>();
            }

            if (ReportingPeriod.TryParse(input, out var period))
            {
                ReportingPeriod.Parse(period.ToString()).Should().Be(period);
            }
            else
            {
                FluentActions.Invoking(() => ReportingPeriod.Parse(input)).Should().Throw<FormatException>();
            }

            if (Measure.TryParse(input, out var measure))
            {
                Measure.Parse(measure.ToString()).Should().Be(measure);
            }
            else
            {
                FluentActions.Invoking(() => Measure.Parse(input)).Should().Throw<FormatException>();
            }

            if (RegionCode.TryParse(input, out var code))
            {
                RegionCode.Parse(code.ToString()).Should().Be(code);
            }
            else
            {
                FluentActions.Invoking(() => RegionCode.Parse(input)).Should().Throw<FormatException>();
            }

            if (QualifierText.TryParse(input, out var qualifier))
            {
                QualifierText.Parse(QualifierText.ToWord(qualifier)).Should().Be(qualifier);
            }
            else
            {
                FluentActions.Invoking(() => QualifierText.Parse(input)).Should().Throw<Exception>().Which.Should().Match<Exception>(e => e is FormatException || e is ArgumentException);
            }
        });
    }

    [Fact]
    public void Report_extractor()
    {
        var extractor = new ReportExtractor();
        Fuzz("extract", Corpus("*.txt").Where(t => !t.StartsWith("330324", StringComparison.Ordinal)).ToArray(), 5, input =>
        {
            var result = extractor.Extract(input);
            foreach (var f in result.Figures.Concat(result.Breakdowns))
            {
                // Offsets are into the original text.
                f.Start.Should().BeInRange(0, input.Length);
                f.Length.Should().BeInRange(0, input.Length - f.Start);
                (f.Value ?? 0m).Should().BeGreaterThanOrEqualTo(0m);
            }
        });
    }
}
