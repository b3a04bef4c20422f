using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Records;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>
/// Issue 9: the tables (<see cref="IndicatorTable"/>, <see cref="RecordStatisticsTable"/>, <see cref="RegionTable"/>) and
/// <see cref="FigureDataset"/> have value equality over their data, so each equals itself after a JSON round trip with the
/// web defaults (a dataset: rebuilt from its figures), differs when one datum differs, hashes consistently, and formats
/// culture-invariantly with something more than its type name.
/// </summary>
public class TableEqualityTest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Committee Yongjia = new(new RegionCode(330324));
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    private static FigureDataset Dataset(IEnumerable<Figure> figures, RegionTable? regions = null)
    {
        var builder = FigureDataset.CreateBuilder(regions, ValidationMode.CollectFindings);
        builder.AddRange(figures);
        return builder.Build();
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Web), Web)!;

    private static void ShouldBeEqual<T>(T a, T b)
        where T : class, System.IEquatable<T>
    {
        a.Should().NotBeSameAs(b);
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    private static void ShouldDiffer<T>(T a, T b)
        where T : class, System.IEquatable<T>
    {
        a.Equals(b).Should().BeFalse();
        b.Equals(a).Should().BeFalse();
        a.Equals((object)b).Should().BeFalse();
        a.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void An_indicator_table_equals_itself_after_a_json_round_trip_and_differs_by_one_cell()
    {
        var table = Dataset(SeedReports.AllFigures).RollUp();
        ShouldBeEqual(table, RoundTrip(table));
        ShouldBeEqual(table, Dataset(SeedReports.AllFigures).RollUp());

        // One count figure less: a different sum (or coverage) somewhere.
        ShouldDiffer(table, Dataset(WithoutFirstCount()).RollUp());
        ShouldDiffer(table, Dataset(SeedReports.AllFigures).RollUp(Participation.AllLevels));
    }

    [Fact]
    public void A_record_statistics_table_equals_itself_after_a_json_round_trip_and_differs_by_one_count()
    {
        var records = Records(replied: new LocalDate(2022, 3, 3));
        var table = ProposalRecordSet.Create(records).ComputeAll();
        ShouldBeEqual(table, RoundTrip(table));
        ShouldBeEqual(table, ProposalRecordSet.Create(records).ComputeAll());
        ShouldDiffer(table, ProposalRecordSet.Create(Records(replied: null)).ComputeAll());
    }

    [Fact]
    public void A_region_table_equals_itself_after_a_json_round_trip_and_differs_by_one_name()
    {
        var regions = RegionTable.Default.Regions.Where(r => r.Code.ToString().StartsWith("3303", System.StringComparison.Ordinal) || r.Code == new RegionCode(330000)).ToList();
        var table = RegionTable.FromRegions(regions);
        ShouldBeEqual(table, RoundTrip(table));
        ShouldBeEqual(RegionTable.Default, RegionTable.FromRegions(RegionTable.Default.Regions));

        var renamed = regions.Select(r => r.Code == new RegionCode(330324) ? new Region(r.Code, "永嘉", r.Level, r.ParentCode) : r);
        ShouldDiffer(table, RegionTable.FromRegions(renamed));
        ShouldDiffer(table, RegionTable.Default);
    }

    [Fact]
    public void A_figure_dataset_rebuilt_from_its_json_equals_the_dataset_written_and_differs_by_one_figure()
    {
        var dataset = Dataset(SeedReports.AllFigures);
        var figures = JsonSerializer.Deserialize<List<Figure>>(JsonSerializer.Serialize(dataset, Web), Web)!;
        ShouldBeEqual(dataset, Dataset(figures));
        ShouldDiffer(dataset, Dataset(WithoutFirstCount()));

        var zhejiang = RegionTable.FromRegions(RegionTable.Default.Regions.Where(r => r.Code.ToString().StartsWith("33", System.StringComparison.Ordinal)));
        var local = SeedReports.AllFigures.Where(f => f.Committee.Region.ToString().StartsWith("33", System.StringComparison.Ordinal)).ToList();
        ShouldDiffer(Dataset(local), Dataset(local, zhejiang));
    }

    [Fact]
    public void The_tables_format_culture_invariantly_and_say_more_than_their_type_name()
    {
        var dataset = Dataset(SeedReports.AllFigures);
        object[] values = [dataset, dataset.RollUp(), ProposalRecordSet.Create(Records(new LocalDate(2022, 3, 3))).ComputeAll(), RegionTable.Default];
        foreach (var value in values)
        {
            string text;
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                text = value.ToString()!;
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
                value.ToString().Should().Be(text);
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                value.ToString().Should().Be(text);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }

            text.Should().NotBe(value.GetType().FullName).And.StartWith(value.GetType().Name + ": ").And.MatchRegex("[0-9]");
        }

        RegionTable.Default.ToString().Should().MatchRegex(@"^RegionTable: \d{1,3}(,\d{3})* regions \(31 provinces, ");
    }

    private static IEnumerable<Figure> WithoutFirstCount()
    {
        var first = SeedReports.AllFigures.First(f => !f.Measure.IsRate && f.Scope == FigureScope.Committee && f.Topic is null && f.Value is not null);
        return SeedReports.AllFigures.Where(f => !ReferenceEquals(f, first));
    }

    private static List<ProposalRecord> Records(LocalDate? replied) =>
    [
        new("1", Yongjia, Y2022, new LocalDate(2022, 1, 10))
        {
            Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 20), HandedOverOn = new LocalDate(2022, 2, 1), LeadUnit = "县教育局",
            RepliedOn = replied, Answer = replied is null ? null : AnswerClass.SolvedOrAdopted,
        },
        new("2", Yongjia, Y2022, new LocalDate(2022, 1, 12)) { Decision = FilingDecision.Filed, FiledOn = new LocalDate(2022, 1, 25) },
    ];
}
