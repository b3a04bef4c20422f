using System;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary>
/// <see cref="QualifierText"/>: the words of DOMAIN.md's qualifier table and of the two scopes, both ways, case-sensitive,
/// and the exact refusals.
/// </summary>
public class QualifierTextTest
{
    [Theory]
    [InlineData(Qualifier.Exact, "exact")]
    [InlineData(Qualifier.MoreThan, "more_than")]
    [InlineData(Qualifier.AtLeast, "at_least")]
    [InlineData(Qualifier.Nearly, "nearly")]
    [InlineData(Qualifier.About, "about")]
    [InlineData(Qualifier.All, "all")]
    [InlineData(Qualifier.PercentReported, "percent_reported")]
    public void Each_qualifier_has_its_word(Qualifier qualifier, string word)
    {
        QualifierText.ToWord(qualifier).Should().Be(word);
        QualifierText.Parse(word).Should().Be(qualifier);
        QualifierText.TryParse(word, out var parsed).Should().BeTrue();
        parsed.Should().Be(qualifier);
    }

    [Theory]
    [InlineData("Exact")]
    [InlineData("more-than")]
    [InlineData("")]
    [InlineData(" all")]
    [InlineData("percent")]
    public void Other_words_are_no_qualifier(string word)
    {
        QualifierText.TryParse(word, out var q).Should().BeFalse();
        q.Should().Be(default(Qualifier));
        var act = () => QualifierText.Parse(word);
        act.Should().ThrowExactly<FormatException>().Which.Message.Should().Be(
            $"'{word}' is not a qualifier: use exact, more_than, at_least, nearly, about, all or percent_reported.");
    }

    [Fact]
    public void Null_and_undefined_values_are_refused()
    {
        QualifierText.TryParse(null, out _).Should().BeFalse();
        var parseNull = () => QualifierText.Parse(null!);
        parseNull.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("word");
        var undefined = () => QualifierText.ToWord((Qualifier)7);
        var e = undefined.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        e.ParamName.Should().Be("qualifier");
        e.ActualValue.Should().Be((Qualifier)7);
        e.Message.Should().StartWith("Unknown qualifier.");
        var scope = () => QualifierText.ToWord((FigureScope)2);
        var s = scope.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        s.ParamName.Should().Be("scope");
        s.Message.Should().StartWith("Unknown scope.");
    }

    [Theory]
    [InlineData(FigureScope.Committee, "committee")]
    [InlineData(FigureScope.RegionTotal, "region_total")]
    public void Each_scope_has_its_word(FigureScope scope, string word)
    {
        QualifierText.ToWord(scope).Should().Be(word);
        QualifierText.TryParseScope(word, out var parsed).Should().BeTrue();
        parsed.Should().Be(scope);
    }

    [Theory]
    [InlineData("Committee")]
    [InlineData("region-total")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_words_are_no_scope(string? word)
    {
        QualifierText.TryParseScope(word, out var scope).Should().BeFalse();
        scope.Should().Be(default(FigureScope));
    }
}
