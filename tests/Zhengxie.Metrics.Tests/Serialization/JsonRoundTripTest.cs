using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;
using Zhengxie.Metrics.Regions;
using Zhengxie.Metrics.SampleData;
using Zhengxie.Metrics.Serialization;
using Zhengxie.Metrics.Validation;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>Every public data type survives JSON unchanged, and writing what was read gives the same text.</summary>
public class JsonRoundTripTest
{
    private static T RoundTrip<T>(T value, out string json)
    {
        json = ZhengxieJson.Serialize(value);
        var back = ZhengxieJson.Deserialize<T>(json);
        ZhengxieJson.Serialize(back).Should().Be(json, "writing what was read gives the same JSON");
        return back;
    }

    private static void AssertSameFigure(Figure expected, Figure actual)
    {
        actual.Should().Be(expected);
        actual.Source.Should().Be(expected.Source);
        if (expected.Value is { } v)
        {
            // The printed digits survive: 78.50 stays 78.50, not 78.5.
            decimal.GetBits(actual.Value!.Value).Should().Equal(decimal.GetBits(v));
        }
    }

    [Fact]
    public void Figures_round_trip() =>
        JsonGenerators.Figure.Sample(figure => AssertSameFigure(figure, RoundTrip(figure, out _)));

    [Fact]
    public void Lists_of_figures_round_trip() =>
        JsonGenerators.Figure.List[0, 20].Sample(figures =>
        {
            var back = RoundTrip(figures, out _);
            back.Should().HaveCount(figures.Count);
            for (int i = 0; i < figures.Count; i++)
            {
                AssertSameFigure(figures[i], back[i]);
            }

            var array = ZhengxieJson.Deserialize<Figure[]>(ZhengxieJson.Serialize(figures.ToArray()));
            array.Should().Equal(figures);
            ZhengxieJson.Deserialize<IReadOnlyList<Figure>>(ZhengxieJson.Serialize<IReadOnlyList<Figure>>(figures)).Should().Equal(figures);
        }, iter: 200);

    [Fact]
    public void Identifiers_and_dates_round_trip()
    {
        JsonGenerators.Committee.Sample(c => RoundTrip(c, out _).Should().Be(c));
        JsonGenerators.Code.Sample(c => RoundTrip(c, out _).Should().Be(c));
        JsonGenerators.Period.Sample(p => RoundTrip(p, out _).Should().Be(p));
        JsonGenerators.CountMeasure.Sample(m => RoundTrip(m, out _).Should().Be(m));
        JsonGenerators.RateMeasure.Sample(m => RoundTrip(m, out _).Should().Be(m));
        JsonGenerators.Date.Sample(d => RoundTrip(d, out _).Should().Be(d));
        JsonGenerators.NodaPeriod.Sample(p => RoundTrip(p, out _).Should().Be(p));
        Gen.OneOf(Enum.GetValues<Qualifier>()).Sample(q => RoundTrip(q, out _).Should().Be(q));
        Gen.OneOf(Enum.GetValues<ValidationRule>()).Sample(r => RoundTrip(r, out _).Should().Be(r));
        Gen.OneOf(Enum.GetValues<AdministrativeLevel>()).Sample(l => RoundTrip(l, out _).Should().Be(l));
    }

    [Fact]
    public void Bounds_and_rates_round_trip()
    {
        JsonGenerators.Bounds.Sample(b => RoundTrip(b, out _).Should().Be(b));
        JsonGenerators.Rate.Sample(r =>
        {
            var back = RoundTrip(r, out _);
            back.Should().Be(r);
            back.Value.Should().Be(r.Value);
        });
        JsonGenerators.Rate.Nullable().Sample(r => RoundTrip(r, out _).Should().Be(r));
    }

    [Fact]
    public void Statistics_round_trip() =>
        JsonGenerators.Statistics.Sample(stats =>
        {
            var back = RoundTrip(stats, out _);
            back.Committee.Should().Be(stats.Committee);
            back.Period.Should().Be(stats.Period);
            back.Counts.Should().BeEquivalentTo(stats.Counts);
            back.StatedRates.Should().BeEquivalentTo(stats.StatedRates);
            foreach (var (rate, value) in stats.StatedRates)
            {
                decimal.GetBits(back.StatedRates[rate]).Should().Equal(decimal.GetBits(value));
            }
        });

    [Fact]
    public void Statistics_of_the_seed_reports_round_trip()
    {
        foreach (var stats in ProposalStatistics.FromFiguresByCommittee(SeedReports.AllFigures))
        {
            var back = RoundTrip(stats, out _);
            back.Counts.Should().BeEquivalentTo(stats.Counts);
            back.StatedRates.Should().BeEquivalentTo(stats.StatedRates);
            back.GetRates().Should().Equal(stats.GetRates());
        }
    }

    [Fact]
    public void Measure_definitions_and_catalogs_round_trip()
    {
        JsonGenerators.MeasureDefinition.Sample(d => RoundTrip(d, out _).Should().Be(d));
        RoundTrip(MeasureCatalog.Default, out _).Definitions.Should().Equal(MeasureCatalog.Default.Definitions);
        JsonGenerators.MeasureDefinition.Array[0, 8].Sample(
            defs =>
            {
                var catalog = MeasureCatalog.Create(defs.DistinctBy(d => d.Measure));
                RoundTrip(catalog, out _).Definitions.Should().Equal(catalog.Definitions);
            },
            iter: 100);
    }

    [Fact]
    public void The_seed_reports_round_trip()
    {
        var back = RoundTrip(SeedReports.Reports, out string json);
        back.Should().HaveCount(SeedReports.Reports.Count);
        for (int i = 0; i < back.Count; i++)
        {
            var expected = SeedReports.Reports[i];
            back[i].Id.Should().Be(expected.Id);
            back[i].CommitteeName.Should().Be(expected.CommitteeName);
            back[i].Committee.Should().Be(expected.Committee);
            back[i].Period.Should().Be(expected.Period);
            back[i].Published.Should().Be(expected.Published);
            back[i].ExpectedRates.Should().BeEquivalentTo(expected.ExpectedRates);
            back[i].Figures.Should().HaveCount(expected.Figures.Count);
            for (int j = 0; j < expected.Figures.Count; j++)
            {
                AssertSameFigure(expected.Figures[j], back[i].Figures[j]);
            }
        }

        json.Should().Contain("\"quote\":\"收到提案178件\"");
    }

    [Fact]
    public void Rate_definitions_and_options_round_trip()
    {
        JsonGenerators.RateDefinition.Sample(d =>
        {
            var back = RoundTrip(d, out _);
            back.Should().Be(d);
            back.Formula.Should().Be(d.Formula);
        });
        JsonGenerators.RateOptions.Sample(o => RoundTrip(o, out _).Should().Be(o));
        RoundTrip(RateDefinition.Standard, out _).Should().Equal(RateDefinition.Standard);
    }

    [Fact]
    public void Regions_and_findings_round_trip()
    {
        JsonGenerators.Region.Sample(r => RoundTrip(r, out _).Should().Be(r));
        JsonGenerators.Finding.Sample(f => RoundTrip(f, out _).Should().Be(f));
        JsonGenerators.Finding.List[0, 5].Sample(f => RoundTrip(f, out _).Should().Equal(f), iter: 100);
    }

    [Fact]
    public void The_default_region_table_round_trips()
    {
        var back = RoundTrip(RegionTable.Default, out string json);
        back.Regions.Should().Equal(RegionTable.Default.Regions);
        json.Should().StartWith("[{\"code\":\"110000\",\"name\":\"北京市\",\"level\":\"province\",\"parent\":null}");
        back.GetParent(new RegionCode(330324))!.Code.Should().Be(new RegionCode(330300));
    }

    [Fact]
    public void The_context_serves_the_same_json_as_the_convenience_methods()
    {
        var figure = new Figure(Committee.Parse("520112"), ReportingPeriod.Parse("11.1+@2022"), new Measure("proposals.received"), 178m, FigureUnit.Piece);
        JsonSerializer.Serialize(figure, ZhengxieJsonContext.Default.Figure).Should().Be(ZhengxieJson.Serialize(figure).Replace("件", "\\u4EF6", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal));
        JsonSerializer.Serialize(figure, ZhengxieJson.Options).Should().Be(ZhengxieJson.Serialize(figure));
        JsonSerializer.Deserialize(ZhengxieJson.Serialize(figure), ZhengxieJsonContext.Default.Figure).Should().Be(figure);
    }

    [Fact]
    public void Types_outside_the_context_are_refused_plainly()
    {
        FluentActions.Invoking(() => ZhengxieJson.Serialize(new Uri("https://example.invalid")))
            .Should().Throw<NotSupportedException>().WithMessage("*not one of the types of ZhengxieJsonContext*");
    }

    [Fact]
    public void Dates_in_other_calendars_are_refused()
    {
        var julian = new LocalDate(2020, 1, 1, CalendarSystem.Julian);
        FluentActions.Invoking(() => ZhengxieJson.Serialize(julian)).Should().Throw<ArgumentException>().WithMessage("*ISO*");
    }
}
