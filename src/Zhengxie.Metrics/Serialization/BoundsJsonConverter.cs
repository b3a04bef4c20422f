using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary><see cref="Bounds"/> as a count: a whole number when exact (<c>176</c>), else <c>{"lower":101,"upper":199}</c> with <c>"upper":null</c> when there is no upper bound. Reads both. Hand-written because a count has two shapes.</summary>
internal sealed class BoundsJsonConverter : JsonConverter<Bounds>
{
    public override Bounds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out long count)
                ? JsonRead.Build(() => Bounds.Exactly(count), "count", [])
                : throw JsonRead.Error($"a count must be a whole number that fits in 64 bits, found {(reader.HasValueSequence ? "a longer number" : Encoding.UTF8.GetString(reader.ValueSpan))}");
        }

        return JsonFields.Read(ref reader, options, "bounds ({\"lower\":…,\"upper\":…} or a whole number)").Build(json =>
        {
            long lower = json.Get<long>("lower");
            long? upper = json.Get<long?>("upper");
            json.Check(upper is null || upper >= lower, "upper", $"the upper bound {upper} is below the lower bound {lower}");
            return upper is { } u ? Bounds.Between(lower, u) : Bounds.AtLeast(lower);
        });
    }

    public override void Write(Utf8JsonWriter writer, Bounds value, JsonSerializerOptions options)
    {
        if (value.IsExact)
        {
            writer.WriteNumberValue(value.Lower);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("lower", value.Lower);
        if (value.Upper is { } upper)
        {
            writer.WriteNumber("upper", upper);
        }
        else
        {
            writer.WriteNull("upper");
        }

        writer.WriteEndObject();
    }
}

/// <summary><see cref="Rate"/> as <c>{"numerator":176,"denominator":178}</c>, each part a count (a bounds object when not exact: <c>{"numerator":{"lower":101,"upper":199},"denominator":354}</c>). Hand-written: a rate's public surface is its value and bounds, not the two counts it is made of.</summary>
internal sealed class RateJsonConverter : ObjectJsonConverter<Rate>
{
    protected override Rate Read(JsonFields json) => Rate.FromBounds(json.Get<Bounds>("numerator"), json.Get<Bounds>("denominator"));
    protected override void Write(JsonFieldWriter json, Rate value) => json.Add("numerator", value.Numerator).Add("denominator", value.Denominator);
}
