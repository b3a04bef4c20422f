using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Aggregation;
using Zhengxie.Metrics.Regions;

namespace Zhengxie.Metrics.Tests.Aggregation;

/// <summary>Prefecture-level cities without counties count as county level in a county-level roll-up (issue 10, item 9).</summary>
public class LeafPrefectureRollupTest
{
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.CalendarYear(2022);

    [Theory]
    [InlineData(441900, 440000)]
    [InlineData(442000, 440000)]
    [InlineData(460400, 460000)]
    [InlineData(620200, 620000)]
    public void A_prefecture_without_counties_is_a_county_level_unit(int code, int province)
    {
        var city = RegionTable.Default.GetCommittee(new RegionCode(code));
        city.Level.Should().Be(AdministrativeLevel.Prefecture);
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(city, Y2022, Measures.Proposals.Received, 300, FigureUnit.Piece))
            .Add(new Figure(city, Y2022, Measures.Proposals.Filed, 270, FigureUnit.Piece))
            .Build();

        var table = dataset.RollUp();
        int cityRow = table[new RegionCode(code), "2022"].Index;
        table.GetValue(cityRow, Measures.Proposals.Received).Sum.Should().Be(Bounds.Exactly(300));
        table.GetValue(cityRow, Measures.Proposals.Received).GroupSize.Should().Be(1);
        var rate = table.GetRate(cityRow, RateDefinition.Acceptance.Measure);
        rate.Contributors.Should().Be(1);
        rate.Rate!.Value.Numerator.Should().Be(Bounds.Exactly(270));
        rate.Rate!.Value.Denominator.Should().Be(Bounds.Exactly(300));

        int provinceRow = table[new RegionCode(province), "2022"].Index;
        table.GetValue(provinceRow, Measures.Proposals.Received).Sum.Should().Be(Bounds.Exactly(300));

        // Still a prefecture committee in a prefecture-level roll-up.
        var prefectures = dataset.RollUp(Participation.PrefectureLevel);
        prefectures[new RegionCode(province), "2022"][Measures.Proposals.Received].Sum.Should().Be(Bounds.Exactly(300));
    }

    [Fact]
    public void Dongguan_within_Guangdong_county_level_counts_with_the_counties()
    {
        var dongguan = Committee.Parse("441900/prefecture");
        var county = RegionTable.Default.GetCommittee(new RegionCode(440103));
        var dataset = new FigureDatasetBuilder()
            .Add(new Figure(dongguan, Y2022, Measures.Proposals.Received, 300, FigureUnit.Piece))
            .Add(new Figure(county, Y2022, Measures.Proposals.Received, 100, FigureUnit.Piece))
            .Build();
        var table = dataset.Aggregate(Grouping.Within(new RegionCode(440000)), PeriodSelection.EachPeriod);
        var value = table.GetValue(0, Measures.Proposals.Received);
        value.Sum.Should().Be(Bounds.Exactly(400));
        value.Contributors.Should().Be(2);
    }
}
