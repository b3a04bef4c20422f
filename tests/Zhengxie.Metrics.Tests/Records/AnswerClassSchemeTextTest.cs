using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

/// <summary>Letters typed full-width in lower case (ａ, ｂ, ｃ, ｄ), and text that is neither a letter nor a description.</summary>
public class AnswerClassSchemeTextTest
{
    [Theory]
    [InlineData("ａ", AnswerClass.SolvedOrAdopted)]
    [InlineData(" ｂ类 ", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("ｃ", AnswerClass.ForReference)]
    [InlineData("Ｃ", AnswerClass.ForReference)]
    public void Full_width_letters_in_either_case_are_the_letters_of_the_scheme(string letter, AnswerClass expected)
    {
        AnswerClassScheme.ThreeClasses.FromLetter(letter).Should().Be(expected);
        AnswerClassScheme.ThreeClasses.Parse(letter).Should().Be(expected);
    }

    [Fact]
    public void The_fourth_full_width_lower_case_letter_is_d_of_the_four_class_scheme()
    {
        AnswerClassScheme.FourClasses.FromLetter("ｄ").Should().Be(AnswerClass.ForReference);
        AnswerClassScheme.ThreeClasses.TryFromLetter("ｄ", out _).Should().BeFalse();
        AnswerClassScheme.ThreeClasses.TryFromLetter("ｚ", out _).Should().BeFalse();
    }

    [Fact]
    public void Text_that_is_neither_a_letter_nor_a_description_is_refused_word_for_word()
    {
        FluentActions.Invoking(() => AnswerClassScheme.ThreeClasses.Parse("Z：待定"))
            .Should().Throw<System.FormatException>()
            .WithMessage("'Z：待定' is neither a letter of this scheme nor a recognised answer-class description.");
    }
}
