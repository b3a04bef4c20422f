using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction;

namespace Zhengxie.Metrics.Tests.Extraction.ResultTypes;

/// <summary>
/// The contract of <see cref="ExtractionContext"/>: a default committee or period and a blank document become null,
/// equality over every member, and ToString with <c>?</c> for what is unknown. Expected values are worked out by hand.
/// </summary>
public class ExtractionContextContractTest
{
    private static readonly Committee Yongjia = Committee.Parse("330324");
    private static readonly ReportingPeriod Year2020 = ReportingPeriod.CalendarYear(2020);

    [Fact]
    public void A_default_committee_and_period_become_null()
    {
        var c = new ExtractionContext(default(Committee), default(ReportingPeriod), "d");
        c.Committee.Should().BeNull();
        c.Period.Should().BeNull();
        c.Document.Should().Be("d");
    }

    [Fact]
    public void Known_values_are_kept()
    {
        var c = new ExtractionContext(Yongjia, Year2020, "yongjia-2020");
        c.Committee.Should().Be(Yongjia);
        c.Period.Should().Be(Year2020);
        c.Document.Should().Be("yongjia-2020");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void A_blank_document_becomes_null(string document) =>
        new ExtractionContext(Yongjia, Year2020, document).Document.Should().BeNull();

    [Fact]
    public void Contexts_with_equal_members_are_equal_with_equal_hashes()
    {
        var a = new ExtractionContext(Yongjia, Year2020, "yongjia-2020");
        var b = new ExtractionContext(Committee.Parse("330324"), ReportingPeriod.CalendarYear(2020), "yongjia-2020");
        a.Equals(b).Should().BeTrue();
        b.Equals(a).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        new ExtractionContext().Equals(new ExtractionContext(default(Committee), null, " ")).Should().BeTrue();
    }

    public static TheoryData<string, ExtractionContext> OneMemberDiffers() => new()
    {
        { "committee", new ExtractionContext(Committee.Parse("330302"), Year2020, "yongjia-2020") },
        { "committee null", new ExtractionContext(null, Year2020, "yongjia-2020") },
        { "period", new ExtractionContext(Yongjia, ReportingPeriod.CalendarYear(2021), "yongjia-2020") },
        { "period null", new ExtractionContext(Yongjia, null, "yongjia-2020") },
        { "document", new ExtractionContext(Yongjia, Year2020, "Yongjia-2020") },
        { "document null", new ExtractionContext(Yongjia, Year2020) },
    };

    [Theory]
    [MemberData(nameof(OneMemberDiffers))]
    public void Contexts_differing_in_one_member_are_not_equal(string member, ExtractionContext other)
    {
        var a = new ExtractionContext(Yongjia, Year2020, "yongjia-2020");
        a.Equals(other).Should().BeFalse(member);
        other.Equals(a).Should().BeFalse(member);
        a.Equals((object)other).Should().BeFalse(member);
    }

    [Fact]
    public void A_context_is_not_equal_to_null()
    {
        new ExtractionContext().Equals((ExtractionContext?)null).Should().BeFalse();
        new ExtractionContext().Equals((object?)null).Should().BeFalse();
    }

    [Fact]
    public void ToString_is_committee_period_and_document_with_question_marks_for_the_unknown()
    {
        new ExtractionContext(Yongjia, Year2020, "yongjia-2020").ToString().Should().Be("330324 2020 yongjia-2020");
        new ExtractionContext().ToString().Should().Be("? ? ?");
        new ExtractionContext(null, Year2020).ToString().Should().Be("? 2020 ?");
        new ExtractionContext(Yongjia, null, "d").ToString().Should().Be("330324 ? d");
    }
}
