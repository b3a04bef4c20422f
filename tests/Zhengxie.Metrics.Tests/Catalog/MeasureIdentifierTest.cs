using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Catalog;

/// <summary>
/// <see cref="Measure"/>'s edges that <c>MeasureTest</c> leaves open (against Stryker run 4's survivors and uncovered
/// mutants in <c>Measure.cs</c>): the last characters a segment may hold, shares, the exact refusals of every parse entry
/// (the constructor, <see cref="Measure.Parse(string)"/>, the generic <see cref="ISpanParsable{TSelf}"/> and
/// <see cref="IParsable{TSelf}"/> entries), hashing, the non-generic comparison and formatting into a short buffer.
/// </summary>
public class MeasureIdentifierTest
{
    private const string Advice = " is not a measure identifier: use dot-separated lower-case segments such as proposals.filed.";

    [Theory]
    [InlineData("z")]
    [InlineData("a.z")]
    [InlineData("az")]
    [InlineData("a0")]
    [InlineData("a9")]
    [InlineData("a_")]
    [InlineData("za.zz_09")]
    public void The_first_and_last_letters_and_digits_belong_to_a_segment(string id)
    {
        Measure.IsWellFormed(id).Should().BeTrue(id);
        new Measure(id).Id.Should().Be(id);
    }

    [Theory]
    [InlineData("{")] // the character after 'z'
    [InlineData("`")] // the character before 'a'
    [InlineData("a{")]
    [InlineData("a`")]
    [InlineData("a/")] // before '0'
    [InlineData("a:")] // after '9'
    [InlineData("a.0")] // a segment starts with a letter
    [InlineData("a._")]
    public void Characters_just_outside_the_ranges_are_refused(string id)
    {
        Measure.IsWellFormed(id).Should().BeFalse(id);
    }

    [Fact]
    public void The_constructor_names_the_identifier_and_says_what_is_expected()
    {
        var act = () => new Measure("Proposals.filed");

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("id");
        e.Message.Should().Be("'Proposals.filed'" + Advice + " (Parameter 'id')");
    }

    [Fact]
    public void Parse_refuses_null_by_name_and_malformed_text_with_the_same_advice()
    {
        var parseNull = () => Measure.Parse(null!);
        var parseBad = () => Measure.Parse("proposals..filed");

        parseNull.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("id");
        parseBad.Should().ThrowExactly<FormatException>().Which.Message.Should().Be("'proposals..filed'" + Advice);
    }

    [Fact]
    public void The_generic_span_entries_parse_or_refuse_without_an_argument_exception()
    {
        ParseSpan<Measure>("rate.reply".AsSpan()).Should().Be(Measures.Rates.Reply);
        ParseSpan<Measure>("rate.resolution_adoption".AsSpan()).Should().Be(Measures.Rates.AdoptionIncludingPlanned);
        var bad = () => ParseSpan<Measure>("rate.Reply".AsSpan());
        bad.Should().ThrowExactly<FormatException>().Which.Message.Should().Be("'rate.Reply'" + Advice);

        TryParseSpan<Measure>("proposals.filed".AsSpan(), out var filed).Should().BeTrue();
        filed.Should().Be(Measures.Proposals.Filed);
        TryParseSpan<Measure>("proposals filed".AsSpan(), out var none).Should().BeFalse();
        none.IsDefault.Should().BeTrue();
        TryParseSpan<Measure>(ReadOnlySpan<char>.Empty, out var empty).Should().BeFalse();
        empty.IsDefault.Should().BeTrue();
    }

    [Fact]
    public void The_generic_string_entries_parse_or_refuse()
    {
        ParseString<Measure>("proposals.cases").Should().Be(Measures.Proposals.Cases);
        var bad = () => ParseString<Measure>("proposals.Cases");
        bad.Should().ThrowExactly<FormatException>().Which.Message.Should().Be("'proposals.Cases'" + Advice);
        TryParseString<Measure>("proposals.cases", out var cases).Should().BeTrue();
        cases.Should().Be(Measures.Proposals.Cases);
        TryParseString<Measure>(null, out var none).Should().BeFalse();
        none.IsDefault.Should().BeTrue();
    }

    [Theory]
    [InlineData("share.proposals.outcome_a", "proposals.outcome_a")]
    [InlineData("share.proposals.outcome_b", "proposals.outcome_b")]
    [InlineData("share.x", "x")]
    public void A_share_is_a_rate_of_the_count_after_its_prefix(string id, string count)
    {
        var share = new Measure(id);

        share.IsShare.Should().BeTrue();
        share.IsRate.Should().BeTrue();
        share.ShareOf.Should().Be(new Measure(count));
        share.Family.Should().Be("share");
    }

    [Theory]
    [InlineData("share")]
    [InlineData("shares.proposals")]
    [InlineData("rate.share")]
    [InlineData("proposals.outcome_a")]
    [InlineData("rate.reply")]
    public void Other_measures_are_no_share(string id)
    {
        var m = new Measure(id);

        m.IsShare.Should().BeFalse();
        m.ShareOf.Should().BeNull();
    }

    [Fact]
    public void Default_is_no_share_and_hashes_like_another_default()
    {
        default(Measure).IsShare.Should().BeFalse();
        default(Measure).ShareOf.Should().BeNull();
        default(Measure).IsRate.Should().BeFalse();
        var a = default(Measure);
        var b = new Measure();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void Hash_codes_follow_the_identifier()
    {
        string[] ids = Enumerable.Range(0, 40).Select(i => "activity.kind_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        ids.Select(id => new Measure(id).GetHashCode()).Distinct().Count().Should().BeGreaterThan(30, "different identifiers spread over the hash codes");
        ids.Should().AllSatisfy(id => new Measure(id).GetHashCode().Should().Be(Measure.Parse(id).GetHashCode()));
        new Measure("rate.resolution_adoption").GetHashCode().Should().Be(Measures.Rates.AdoptionIncludingPlanned.GetHashCode());
    }

    [Fact]
    public void The_non_generic_comparison_refuses_another_type_by_name()
    {
        IComparable m = Measures.Proposals.Filed;

        var act = () => m.CompareTo("proposals.filed");

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("obj");
        e.Message.Should().Be("The object is not a Measure. (Parameter 'obj')");
        m.CompareTo(null).Should().Be(1);
        m.CompareTo(Measures.Proposals.Filed).Should().Be(0);
        m.CompareTo(Measures.Proposals.Received).Should().BeNegative();
    }

    [Fact]
    public void Formatting_into_a_short_buffer_writes_nothing()
    {
        var m = Measures.Proposals.Filed; // 15 characters
        Span<char> shortBuffer = stackalloc char[14];
        Span<char> exact = stackalloc char[15];

        m.TryFormat(shortBuffer, out int none, default, null).Should().BeFalse();
        none.Should().Be(0);
        m.TryFormat(exact, out int written, default, null).Should().BeTrue();
        written.Should().Be(15);
        exact.ToString().Should().Be("proposals.filed");
        default(Measure).TryFormat(shortBuffer, out int zero, default, null).Should().BeTrue();
        zero.Should().Be(0);
        m.ToString("X", System.Globalization.CultureInfo.GetCultureInfo("tr-TR")).Should().Be("proposals.filed");
    }

    private static T ParseSpan<T>(ReadOnlySpan<char> s)
        where T : ISpanParsable<T> => T.Parse(s, null);

    private static bool TryParseSpan<T>(ReadOnlySpan<char> s, out T result)
        where T : ISpanParsable<T> => T.TryParse(s, null, out result!);

    private static T ParseString<T>(string s)
        where T : IParsable<T> => T.Parse(s, null);

    private static bool TryParseString<T>(string? s, out T result)
        where T : IParsable<T> => T.TryParse(s, null, out result!);
}
