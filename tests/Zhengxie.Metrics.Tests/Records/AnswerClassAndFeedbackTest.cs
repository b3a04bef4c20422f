using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Records;

namespace Zhengxie.Metrics.Tests.Records;

public class AnswerClassAndFeedbackTest
{
    [Theory]
    [InlineData("A", AnswerClass.SolvedOrAdopted)]
    [InlineData("b", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("C类", AnswerClass.ForReference)]
    [InlineData("Ａ", AnswerClass.SolvedOrAdopted)]
    public void Three_class_letters(string letter, AnswerClass expected) =>
        AnswerClassScheme.ThreeClasses.FromLetter(letter).Should().Be(expected);

    [Theory]
    [InlineData("A", AnswerClass.SolvedOrAdopted)]
    [InlineData("B", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("C", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("D", AnswerClass.ForReference)]
    public void Four_class_letters_put_D_for_reference(string letter, AnswerClass expected) =>
        AnswerClassScheme.FourClasses.FromLetter(letter).Should().Be(expected);

    [Theory]
    [InlineData("已解决或采纳", AnswerClass.SolvedOrAdopted)]
    [InlineData("所提问题已经解决或基本解决", AnswerClass.SolvedOrAdopted)]
    [InlineData("正在解决或列入计划解决", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("因目前条件限制需以后解决", AnswerClass.BeingSolvedOrPlanned)]
    [InlineData("因条件限制留作参考", AnswerClass.ForReference)]
    public void Descriptions_map_by_meaning(string description, AnswerClass expected) =>
        AnswerClassScheme.FromDescription(description).Should().Be(expected);

    [Fact]
    public void Parse_takes_letter_and_description_and_rejects_contradictions()
    {
        AnswerClassScheme.ThreeClasses.Parse("A类：已解决或采纳").Should().Be(AnswerClass.SolvedOrAdopted);
        AnswerClassScheme.FourClasses.Parse("D类（留作参考）").Should().Be(AnswerClass.ForReference);
        AnswerClassScheme.ThreeClasses.Parse("留作参考").Should().Be(AnswerClass.ForReference);
        AnswerClassScheme.ThreeClasses.Parse("B").Should().Be(AnswerClass.BeingSolvedOrPlanned);
        FluentActions.Invoking(() => AnswerClassScheme.ThreeClasses.Parse("A类：留作参考")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => AnswerClassScheme.ThreeClasses.FromLetter("D")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => AnswerClassScheme.FromDescription("其他")).Should().Throw<FormatException>();
    }

    [Fact]
    public void Satisfaction_scales_map_labels_by_their_place_on_the_scale()
    {
        SatisfactionScale.Standard.Parse("满意").Should().Be(Feedback.Satisfied);
        SatisfactionScale.Standard.Parse("基本满意").Should().Be(Feedback.BasicallySatisfied);
        SatisfactionScale.Standard.Parse("不满意").Should().Be(Feedback.Dissatisfied);
        SatisfactionScale.Standard.Parse("理解").Should().Be(Feedback.Understanding);
        SatisfactionScale.VerySatisfied.Parse("很满意").Should().Be(Feedback.Satisfied);
        SatisfactionScale.VerySatisfied.Parse("满意").Should().Be(Feedback.BasicallySatisfied);
        SatisfactionScale.VerySatisfied.Parse("不满意").Should().Be(Feedback.Dissatisfied);
        SatisfactionScale.VerySatisfied.TryParse("基本满意", out _).Should().BeFalse();
        FluentActions.Invoking(() => SatisfactionScale.Standard.Parse("很满意")).Should().Throw<FormatException>();
    }
}
