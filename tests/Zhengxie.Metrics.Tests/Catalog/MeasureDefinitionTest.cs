using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Catalog;

/// <summary>
/// <see cref="MeasureDefinition"/>: what its constructor accepts and refuses (each refusal naming its argument), its kind
/// and labels, its text, and equality over every field (against Stryker run 4's survivors in <c>MeasureDefinition.cs</c>).
/// </summary>
public class MeasureDefinitionTest
{
    private static readonly Measure Sector = new("activity.consultation.sector");
    private static readonly Measure Consultation = new("activity.consultation");

    private static MeasureDefinition SectorDefinition() => new(Sector, "界别协商", "sector consultations", Consultation, FigureUnit.Times);

    [Fact]
    public void A_count_definition_keeps_its_fields_and_reads_as_a_count()
    {
        var d = SectorDefinition();

        d.Measure.Should().Be(Sector);
        d.ChineseLabel.Should().Be("界别协商");
        d.EnglishName.Should().Be("sector consultations");
        d.Parent.Should().Be(Consultation);
        d.DefaultUnit.Should().Be(FigureUnit.Times);
        d.Kind.Should().Be(MeasureKind.Count);
        d.GetLabel(LabelLanguage.Chinese).Should().Be("界别协商");
        d.GetLabel(LabelLanguage.English).Should().Be("sector consultations");
        d.ToString().Should().Be("activity.consultation.sector 界别协商 (sector consultations)");
    }

    [Fact]
    public void A_rate_definition_takes_percent_and_reads_as_a_rate()
    {
        var d = new MeasureDefinition(Measures.Rates.Reply, "办复率", "reply rate", null, FigureUnit.Percent);

        d.Kind.Should().Be(MeasureKind.Rate);
        d.DefaultUnit.Should().Be(FigureUnit.Percent);
        d.Parent.Should().BeNull();
    }

    [Fact]
    public void Parent_and_unit_are_optional()
    {
        var d = new MeasureDefinition(Sector, "界别协商", "sector consultations");

        d.Parent.Should().BeNull();
        d.DefaultUnit.Should().BeNull();
    }

    [Fact]
    public void The_default_measure_is_refused()
    {
        var act = () => new MeasureDefinition(default, "界别协商", "sector consultations");

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("measure");
        e.Message.Should().Be("A definition needs a measure. (Parameter 'measure')");
    }

    [Fact]
    public void Null_labels_are_refused_by_name()
    {
        var chinese = () => new MeasureDefinition(Sector, null!, "sector consultations");
        var english = () => new MeasureDefinition(Sector, "界别协商", null!);

        chinese.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("chineseLabel");
        english.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("englishName");
    }

    [Fact]
    public void A_share_is_defined_as_a_rate_in_percent()
    {
        var share = new MeasureDefinition(new Measure("share.proposals.outcome_a"), "A类占比", "share of A", null, FigureUnit.Percent);
        var inPieces = () => new MeasureDefinition(new Measure("share.proposals.outcome_a"), "A类占比", "share of A", null, FigureUnit.Piece);

        share.Kind.Should().Be(MeasureKind.Rate);
        inPieces.Should().ThrowExactly<ArgumentException>().Which.Message.Should().Be("The unit of share.proposals.outcome_a must be % for a rate and only for a rate. (Parameter 'defaultUnit')");
    }

    [Theory]
    [InlineData("", "sector consultations", "chineseLabel")]
    [InlineData("  ", "sector consultations", "chineseLabel")]
    [InlineData("界别协商", "", "englishName")]
    [InlineData("界别协商", " ", "englishName")]
    public void Blank_labels_are_refused(string chinese, string english, string param)
    {
        var act = () => new MeasureDefinition(Sector, chinese, english);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(param);
    }

    [Fact]
    public void A_measure_is_not_its_own_parent_and_the_parent_is_not_default()
    {
        var self = () => new MeasureDefinition(Sector, "界别协商", "sector consultations", Sector);
        var none = () => new MeasureDefinition(Sector, "界别协商", "sector consultations", default(Measure));

        self.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("The parent of activity.consultation.sector must be another measure.");
        none.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("parent");
    }

    [Fact]
    public void A_rate_takes_percent_only_and_a_count_never_takes_percent()
    {
        var rateInPieces = () => new MeasureDefinition(Measures.Rates.Reply, "办复率", "reply rate", null, FigureUnit.Piece);
        var countInPercent = () => new MeasureDefinition(Sector, "界别协商", "sector consultations", null, FigureUnit.Percent);
        var emptyUnit = () => new MeasureDefinition(Sector, "界别协商", "sector consultations", null, default(FigureUnit));

        rateInPieces.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("The unit of rate.reply must be % for a rate and only for a rate.");
        countInPercent.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("defaultUnit");
        emptyUnit.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("defaultUnit");
    }

    [Fact]
    public void Definitions_with_the_same_fields_are_equal_and_hash_alike()
    {
        var a = SectorDefinition();
        var b = SectorDefinition();

        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        bool equalsNull = SectorDefinition().Equals(null);
        bool equalsNullObject = SectorDefinition().Equals((object?)null);
        bool equalsString = SectorDefinition().Equals((object)"activity.consultation.sector");
        equalsNull.Should().BeFalse();
        equalsNullObject.Should().BeFalse();
        equalsString.Should().BeFalse();
    }

    public static TheoryData<string> Changes() => new() { "measure", "chinese", "english", "parent", "no parent", "unit", "no unit" };

    [Theory]
    [MemberData(nameof(Changes))]
    public void One_field_different_makes_definitions_different(string change)
    {
        var other = change switch
        {
            "measure" => new MeasureDefinition(new Measure("activity.consultation.counterpart"), "界别协商", "sector consultations", Consultation, FigureUnit.Times),
            "chinese" => new MeasureDefinition(Sector, "界别协商会", "sector consultations", Consultation, FigureUnit.Times),
            "english" => new MeasureDefinition(Sector, "界别协商", "consultations by sector", Consultation, FigureUnit.Times),
            "parent" => new MeasureDefinition(Sector, "界别协商", "sector consultations", new Measure("activity"), FigureUnit.Times),
            "no parent" => new MeasureDefinition(Sector, "界别协商", "sector consultations", null, FigureUnit.Times),
            "unit" => new MeasureDefinition(Sector, "界别协商", "sector consultations", Consultation, new FigureUnit("场")),
            _ => new MeasureDefinition(Sector, "界别协商", "sector consultations", Consultation),
        };

        SectorDefinition().Equals(other).Should().BeFalse();
        other.Equals(SectorDefinition()).Should().BeFalse();
    }
}
