using System;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Extraction.Text;

namespace Zhengxie.Metrics.Tests.Extraction.Text;

public class NormalizedTextTest
{
    [Fact]
    public void Full_width_digits_and_punctuation_become_ascii_one_for_one()
    {
        const string original = "收到提案１７８件，立案１７６件，立案率９８．９％；（一）";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be("收到提案178件,立案176件,立案率98.9%;(一)");
        for (int i = 0; i <= text.Text.Length; i++)
        {
            text.ToOriginal(i).Should().Be(i);
        }
    }

    [Theory]
    [InlineData("政協委員提案辦理滿意率達100%", "政协委员提案办理满意率达100%")]
    [InlineData("經濟建設方面63件，佔49%", "经济建设方面63件,占49%")]
    [InlineData("提案辦理工作會議，見面率、辦結率均達100%", "提案办理工作会议,见面率、办结率均达100%")]
    [InlineData("編發社情民意資訊66篇，獲領導批示12條", "编发社情民意资讯66篇,获领导批示12条")]
    [InlineData("開展協商活動100餘場次，組織視察調研", "开展协商活动100余场次,组织视察调研")]
    public void Traditional_passages_come_out_simplified(string traditional, string simplified)
    {
        var text = NormalizedText.Create(traditional);
        text.Text.Should().Be(simplified);
        text.ToOriginal(text.Text.Length).Should().Be(traditional.Length);
        text.ToOriginal(3).Should().Be(3);
    }

    [Fact]
    public void Clean_simplified_text_is_returned_as_it_is()
    {
        var text = NormalizedText.Create("全年共收到提案178件,经审查立案176件。\n办复率100%。");
        text.Text.Should().BeSameAs(text.Original);
        NormalizedText.Create("").Text.Should().BeEmpty();
        NormalizedText.Create("").ToOriginal(0).Should().Be(0);
    }

    [Fact]
    public void Odd_spaces_become_ascii_spaces_and_format_characters_go()
    {
        const string original = "立案\u00A0176件\u3000办复\u200B率\uFEFF100%\t完";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be("立案 176件 办复率100% 完");
        int rate = text.Text.IndexOf('率');
        original[text.ToOriginal(rate)].Should().Be('率');
        int hundred = text.Text.IndexOf("100", StringComparison.Ordinal);
        original.Substring(text.ToOriginal(hundred), 4).Should().Be("100%");
        Quote(text, "办复率").Should().Be("办复\u200B率");
    }

    [Theory]
    [InlineData("全年共收到提案\n178件", "全年共收到提案178件")]
    [InlineData("全年共收到提案\r\n178件", "全年共收到提案178件")]
    [InlineData("全年共收到\r\n提案178件", "全年共收到提案178件")]
    [InlineData("提案办复率、\n满意率均为100%", "提案办复率、满意率均为100%")]
    [InlineData("立案率98.9%，\n办复率100%", "立案率98.9%,办复率100%")]
    [InlineData("收到提案 \n 178件", "收到提案178件")]
    [InlineData("收到提案\u3000\n178件", "收到提案178件")]
    [InlineData("收到提案178\n件", "收到提案178件")]
    public void A_line_break_inside_a_sentence_is_removed(string original, string expected)
    {
        NormalizedText.Create(original).Text.Should().Be(expected);
    }

    [Theory]
    [InlineData("办复率100%。\n全年", "办复率100%。\n全年")]
    [InlineData("收到提案178\n176", "收到提案178\n176")]
    [InlineData("提案工作\n\n全年", "提案工作\n\n全年")]
    [InlineData("提案工作情况\n\u3000\u3000全年", "提案工作情况\n  全年")]
    [InlineData("提案工作情况\n  全年", "提案工作情况\n  全年")]
    [InlineData("如下：\n一是", "如下:\n一是")]
    [InlineData("Report\n全年", "Report\n全年")]
    [InlineData("全年\n(一)", "全年\n(一)")]
    [InlineData("全年\r(一)", "全年\n(一)")]
    [InlineData("全年\u2028(一)", "全年\n(一)")]
    public void Other_line_breaks_stay_as_a_newline(string original, string expected)
    {
        NormalizedText.Create(original).Text.Should().Be(expected);
    }

    [Fact]
    public void Offsets_skip_a_removed_line_break()
    {
        const string original = "收到提案\r\n178件，\n立案176件";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be("收到提案178件,立案176件");
        text.ToOriginal(4).Should().Be(6);
        text.ToOriginal(text.Text.Length).Should().Be(original.Length);
        Quote(text, "收到提案178件").Should().Be("收到提案\r\n178件");
        Quote(text, "178件,").Should().Be("178件，");
        Quote(text, "立案176件").Should().Be("立案176件");
    }

    [Fact]
    public void Expansions_map_every_character_to_their_source()
    {
        const string original = "建成议事堂5处，面积300㎡，①协商";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be("建成议事堂5处,面积300m2,①协商");
        int m = text.Text.IndexOf("m2", StringComparison.Ordinal);
        text.ToOriginal(m).Should().Be(original.IndexOf('㎡', StringComparison.Ordinal));
        text.ToOriginal(m + 1).Should().Be(original.IndexOf('㎡', StringComparison.Ordinal));
        text.ToOriginal(m + 2).Should().Be(original.IndexOf('㎡', StringComparison.Ordinal) + 1);
        Quote(text, "300m2").Should().Be("300㎡");
        Quote(text, "m").Should().Be("㎡");
        text.Text.Should().Contain("①", "enclosed numbers are list markers and stay");
    }

    [Fact]
    public void Combining_marks_compose_with_the_character_before_them()
    {
        const string original = "Cafe\u0301 ｶﾞ 가\u11A8";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be("Café ガ 각");
        Quote(text, "é").Should().Be("e\u0301");
        Quote(text, "ガ").Should().Be("ｶﾞ");
    }

    [Fact]
    public void Surrogates_pass_through_and_lone_ones_do_not_throw()
    {
        const string original = "提案\uD83D\uDE00178件\uD800立案\uDC00";
        var text = NormalizedText.Create(original);
        text.Text.Should().Be(original);
        NormalizedText.Create("\uD835\uDFCF件").Text.Should().Be("1件", "mathematical digits are NFKC digits");
    }

    [Fact]
    public void Index_out_of_range_is_rejected()
    {
        var text = NormalizedText.Create("１件");
        var act = () => text.ToOriginal(3);
        act.Should().Throw<ArgumentOutOfRangeException>();
        var end = () => text.ToOriginalEnd(-1);
        end.Should().Throw<ArgumentOutOfRangeException>();
    }

    // Pieces of the text that comes from web pages and PDFs.
    private static readonly string[] Pieces =
    [
        "提案", "立案", "办复", "满意率", "政協", "辦理", "滿意", "佔", "議事", "１", "７", "８", "％", "，", "。", "、", "：",
        "1", "2", "0", "%", ".", ",", "件", "A", "b", " ", "\u00A0", "\u3000", "\u200B", "\uFEFF", "\t", "\n", "\r\n",
        "\r", "\n\n", "\u2028", "\u0301", "e\u0301", "ｶﾞ", "ﾞ", "㎡", "①", "⑴", "㈠", "\uD83D\uDE00", "\uD835\uDFCF", "\uD800",
        "\uDC00", "ㄱ", "ㅏ", "가", "\u11A8", "\uF900", "〇", "\u0085", "\u0007", "ﬁ", "½",
    ];

    private static readonly Gen<string> Messy =
        Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Fact]
    public void Every_offset_maps_back_in_order_and_spans_normalise_to_themselves()
    {
        Messy.Sample(original =>
        {
            var text = NormalizedText.Create(original);
            int length = text.Text.Length;
            text.ToOriginal(length).Should().Be(original.Length);
            int previous = 0;
            for (int k = 0; k <= length; k++)
            {
                int at = text.ToOriginal(k);
                at.Should().BeGreaterThanOrEqualTo(previous);
                at.Should().BeLessThanOrEqualTo(original.Length);
                text.ToOriginalEnd(k).Should().BeGreaterThanOrEqualTo(k == 0 ? 0 : text.ToOriginal(k - 1));
                previous = at;
            }

            // Spans between the starts of units: the original they map back to normalises to the same text.
            var starts = Enumerable.Range(0, length + 1)
                .Where(k => k == 0 || k == length || text.ToOriginal(k - 1) != text.ToOriginal(k))
                .ToArray();
            for (int x = 0; x < starts.Length; x++)
            {
                for (int y = x + 1; y < starts.Length; y++)
                {
                    int a = starts[x];
                    int b = starts[y];
                    int from = text.ToOriginal(a);
                    int to = text.ToOriginalEnd(b);
                    to.Should().BeGreaterThan(from);
                    string source = original[from..to];
                    NormalizedText.Create(source).Text.Should().Be(
                        text.Text[a..b],
                        "original[{0}..{1}] = {2} of {3}", from, to, Escape(source), Escape(original));
                }
            }
        }, iter: 2000);
    }

    private static readonly string[] StablePieces =
        ["提案", "政協", "辦理", "滿意", "佔", "１", "８", "％", "，", "。", "1", "0", "%", "件", "A", " ", "\u00A0", "\u3000", "e\u0301", "ｶﾞ", "㎡", "\uF900", "ﬁ", "½", "ㄱ", "ㅏ"];

    [Fact]
    public void Without_line_breaks_the_text_is_nfkc_then_simplified()
    {
        Gen.Int[0, StablePieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => StablePieces[i])))
            .Sample(original =>
            {
                var expected = new StringBuilder();
                foreach (char c in original.Normalize(NormalizationForm.FormKC))
                {
                    char simplified = CharTable.ToSimplified(c);
                    expected.Append(char.IsWhiteSpace(simplified) ? ' ' : simplified);
                }

                NormalizedText.Create(original).Text.Should().Be(expected.ToString());
            }, iter: 2000);
    }

    [Fact]
    public void Arbitrary_text_never_throws()
    {
        Gen.String.Sample(original =>
        {
            var text = NormalizedText.Create(original);
            text.ToOriginal(text.Text.Length).Should().Be(original.Length);
            for (int k = 0; k < text.Text.Length; k++)
            {
                text.ToOriginal(k).Should().BeLessThanOrEqualTo(text.ToOriginal(k + 1));
            }
        }, iter: 5000);
        Gen.Char.Array[0, 200].Select(c => new string(c)).Sample(original =>
            NormalizedText.Create(original).ToOriginal(0).Should().BeGreaterThanOrEqualTo(0), iter: 5000);
    }

    [Fact]
    public void The_table_holds_opencc_pairs()
    {
        CharTable.ToSimplified('協').Should().Be('协');
        CharTable.ToSimplified('辦').Should().Be('办');
        CharTable.ToSimplified('於').Should().Be('于');
        CharTable.ToSimplified('乾').Should().Be('干', "the first candidate is kept");
        CharTable.ToSimplified('协').Should().Be('协');
        CharTable.ToSimplified('A').Should().Be('A');
    }

    private static string Quote(NormalizedText text, string normalized)
    {
        int at = text.Text.IndexOf(normalized, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0);
        return text.Original[text.ToOriginal(at)..text.ToOriginalEnd(at + normalized.Length)];
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
