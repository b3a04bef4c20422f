using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Catalog;

public class MeasureAliasTest
{
    private const string Old = "rate.resolution_adoption";
    private const string Current = "rate.adoption_including_planned";

    [Fact]
    public void The_former_adoption_identifier_reads_as_the_current_one()
    {
        new Measure(Old).Id.Should().Be(Current);
        Measure.Parse(Old).Should().Be(Measures.Rates.AdoptionIncludingPlanned);
        Measure.TryParse(Old, out var parsed).Should().BeTrue();
        parsed.Should().Be(RateDefinition.AdoptionIncludingPlanned.Measure);
        Measure.Aliases.Should().ContainKey(Old).WhoseValue.Should().Be(Current);
    }

    [Fact]
    public void The_two_adoption_rates_have_different_identifiers_and_formulas()
    {
        RateDefinition.Adoption.Measure.Id.Should().Be("rate.adoption");
        RateDefinition.Adoption.Formula.Should().Be("proposals.outcome_a / proposals.filed");
        RateDefinition.AdoptionIncludingPlanned.Measure.Id.Should().Be(Current);
        RateDefinition.AdoptionIncludingPlanned.Formula.Should().Be("(proposals.outcome_a + proposals.outcome_b) / proposals.filed");
    }

    [Fact]
    public void The_catalogue_finds_the_rate_under_either_identifier()
    {
        MeasureCatalog.Default.TryGet(new Measure(Old), out var definition).Should().BeTrue();
        definition!.Measure.Id.Should().Be(Current);
        MeasureCatalog.Default.GetLabel(new Measure(Old)).Should().Be(MeasureCatalog.Default.GetLabel(Measures.Rates.AdoptionIncludingPlanned));
    }

    [Fact]
    public void Csv_and_json_read_the_former_identifier()
    {
        string csv = "committee,period,measure,value,unit,qualifier,scope,source\n330324,2020,rate.resolution_adoption,92.8,%,percent_reported,committee,test\n";
        var read = FigureCsvReader.Read(new StringReader(csv));
        read.Findings.Should().BeEmpty();
        read.Figures.Single().Measure.Should().Be(Measures.Rates.AdoptionIncludingPlanned);

        var figure = read.Figures.Single();
        string json = ZhengxieJson.Serialize(figure);
        json.Should().Contain(Current).And.NotContain(Old);
        var back = ZhengxieJson.Deserialize<Figure>(json.Replace(Current, Old, System.StringComparison.Ordinal));
        back.Measure.Should().Be(Measures.Rates.AdoptionIncludingPlanned);
    }
}
