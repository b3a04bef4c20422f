using System;
using System.Collections.Generic;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Tests.Serialization;

/// <summary>The text converter of identifiers (a measure): a value that is not a string, a text longer than its stack buffer, and the default value.</summary>
public class TextJsonConverterTest
{
    [Theory]
    [InlineData("5", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("{}", "an object")]
    public void A_measure_that_is_not_a_string_is_refused_saying_what_was_found(string json, string found)
    {
        var act = () => JsonSerializer.Deserialize<Measure>(json);
        act.Should().Throw<JsonException>().WithMessage($"*expected Measure as a string, found {found}*");
    }

    [Fact]
    public void A_text_longer_than_the_stack_buffer_is_read_whole_and_refused_as_a_measure()
    {
        // 200 letters: more than the 128 chars kept on the stack, and more than a measure identifier may have.
        string id = new('a', 200);
        var act = () => JsonSerializer.Deserialize<Measure>("\"" + id + "\"");
        act.Should().Throw<JsonException>().WithMessage($"*'{id}' is not a measure identifier*").WithInnerException<FormatException>();
    }

    [Fact]
    public void Texts_up_to_the_stack_buffer_and_escaped_texts_are_read()
    {
        // 128 characters: the longest identifier, read through the stack buffer.
        string longest = "a." + new string('b', 126);
        JsonSerializer.Deserialize<Measure>("\"" + longest + "\"").Should().Be(new Measure(longest));
        JsonSerializer.Deserialize<Measure>("\"proposals\\u002efiled\"").Should().Be(Measures.Proposals.Filed);
        JsonSerializer.Deserialize<Dictionary<Measure, int>>("{\"proposals.filed\": 3}").Should().Equal(new Dictionary<Measure, int> { [Measures.Proposals.Filed] = 3 });
    }

    [Fact]
    public void The_default_measure_has_no_json_form()
    {
        var act = () => JsonSerializer.Serialize(default(Measure));
        act.Should().Throw<ArgumentException>().WithMessage("default(Measure) has no text and no JSON form.*");
        var key = () => JsonSerializer.Serialize(new Dictionary<Measure, int> { [default] = 1 });
        key.Should().Throw<ArgumentException>().WithMessage("default(Measure) has no text and no JSON form.*");
    }
}
