using FluentAssertions;
using NodaTime;
using Xunit;

namespace Zhengxie.Metrics.Tests.Figures;

/// <summary><see cref="FigureSource"/>: blank parts are none, equality over every part, and the text.</summary>
public class FigureSourceTest
{
    private static readonly LocalDate Published = new(2023, 1, 10);

    [Fact]
    public void Blank_document_and_quote_are_none()
    {
        var source = new FigureSource("  ", "", null);

        source.Document.Should().BeNull();
        source.Quote.Should().BeNull();
        source.Published.Should().BeNull();
        source.ToString().Should().Be("?: ");
        new FigureSource(null, null).Should().Be(source);
    }

    [Fact]
    public void The_text_is_the_document_and_the_quote()
    {
        var source = new FigureSource("wudang-2022", "收到提案178件", Published);

        source.Document.Should().Be("wudang-2022");
        source.Quote.Should().Be("收到提案178件");
        source.Published.Should().Be(Published);
        source.ToString().Should().Be("wudang-2022: 收到提案178件");
        new FigureSource("wudang-2022", null).ToString().Should().Be("wudang-2022: ");
        new FigureSource(null, "收到提案178件").ToString().Should().Be("?: 收到提案178件");
    }

    [Fact]
    public void Sources_with_the_same_parts_are_equal_and_hash_alike()
    {
        var a = new FigureSource("wudang-2022", "收到提案178件", Published);
        var b = new FigureSource("wudang-2022", "收到提案178件", new LocalDate(2023, 1, 10));

        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        bool equalsNull = new FigureSource("wudang-2022", "收到提案178件", Published).Equals(null);
        bool equalsText = new FigureSource("wudang-2022", "收到提案178件", Published).Equals((object)"wudang-2022: 收到提案178件");
        equalsNull.Should().BeFalse();
        equalsText.Should().BeFalse();
    }

    [Theory]
    [InlineData("document")]
    [InlineData("quote")]
    [InlineData("published")]
    [InlineData("no date")]
    public void One_part_different_makes_sources_different(string part)
    {
        var a = new FigureSource("wudang-2022", "收到提案178件", Published);
        var other = part switch
        {
            "document" => new FigureSource("wudang-2023", "收到提案178件", Published),
            "quote" => new FigureSource("wudang-2022", "收到提案179件", Published),
            "published" => new FigureSource("wudang-2022", "收到提案178件", Published.PlusDays(1)),
            _ => new FigureSource("wudang-2022", "收到提案178件"),
        };

        a.Equals(other).Should().BeFalse(part);
        other.Equals(a).Should().BeFalse(part);
    }
}
