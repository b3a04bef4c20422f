using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// <see cref="Bounds"/> as <c>{"lower":101,"upper":199}</c>, with <c>"upper":null</c> when there is no
/// upper bound. Reads a bare whole number (<c>176</c>) as exactly that value, too.
/// </summary>
internal sealed class BoundsJsonConverter : JsonConverter<Bounds>
{
    internal static readonly BoundsJsonConverter Instance = new();

    public override Bounds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Bounds.Exactly(JsonRead.GetInt64(ref reader, "a count"));
        }

        JsonRead.StartObject(ref reader, "bounds ({\"lower\":…,\"upper\":…} or a whole number)");
        long? lower = null;
        long? upper = null;
        bool upperSeen = false;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "lower":
                    JsonRead.Once(ref seen, 1, name);
                    lower = ReadEnd(ref reader, name, "the lower bound");
                    break;
                case "upper":
                    JsonRead.Once(ref seen, 2, name);
                    upperSeen = true;
                    upper = reader.TokenType == JsonTokenType.Null ? null : ReadEnd(ref reader, name, "the upper bound");
                    break;
                default:
                    throw JsonRead.Unknown(name, "bounds (lower, upper)");
            }
        }

        if (lower is null)
        {
            throw JsonRead.Missing("lower", "Bounds");
        }

        if (!upperSeen)
        {
            throw JsonRead.Error("bounds need the property 'upper' (null when there is no upper bound)");
        }

        if (upper is { } hi && hi < lower.Value)
        {
            throw JsonRead.Error($"the upper bound {hi} is below the lower bound {lower.Value}");
        }

        return upper is { } u ? Bounds.Between(lower.Value, u) : Bounds.AtLeast(lower.Value);
    }

    private static long ReadEnd(ref Utf8JsonReader reader, string name, string what)
    {
        try
        {
            return JsonRead.GetInt64(ref reader, what);
        }
        catch (JsonReadException ex)
        {
            throw ex.Below("." + name);
        }
    }

    public override void Write(Utf8JsonWriter writer, Bounds value, JsonSerializerOptions options)
    {
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

/// <summary>
/// A count inside a larger value (a rate's numerator, a statistic's count): a bare whole number when it is
/// exact, else a <see cref="Bounds"/> object. Reads either.
/// </summary>
internal sealed class CountJsonConverter : JsonConverter<Bounds>
{
    internal static readonly CountJsonConverter Instance = new();

    public override Bounds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BoundsJsonConverter.Instance.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, Bounds value, JsonSerializerOptions options)
    {
        if (value.IsExact)
        {
            writer.WriteNumberValue(value.Lower);
        }
        else
        {
            BoundsJsonConverter.Instance.Write(writer, value, options);
        }
    }
}

/// <summary>
/// <see cref="Rate"/> as <c>{"numerator":176,"denominator":178}</c> when exact; a count that is not exact is
/// a <see cref="Bounds"/> object (<c>{"numerator":{"lower":101,"upper":199},"denominator":354}</c>). Reads both.
/// </summary>
internal sealed class RateJsonConverter : JsonConverter<Rate>
{
    internal static readonly RateJsonConverter Instance = new();

    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.StartObject(ref reader, "a rate ({\"numerator\":…,\"denominator\":…})");
        Bounds? numerator = null;
        Bounds? denominator = null;
        int seen = 0;
        while (JsonRead.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "numerator":
                    JsonRead.Once(ref seen, 1, name);
                    numerator = JsonRead.Property(ref reader, name, CountJsonConverter.Instance, options);
                    break;
                case "denominator":
                    JsonRead.Once(ref seen, 2, name);
                    denominator = JsonRead.Property(ref reader, name, CountJsonConverter.Instance, options);
                    break;
                default:
                    throw JsonRead.Unknown(name, "a rate (numerator, denominator)");
            }
        }

        var num = numerator ?? throw JsonRead.Missing("numerator", "A rate");
        var den = denominator ?? throw JsonRead.Missing("denominator", "A rate");
        return JsonRead.Build(() => Rate.FromBounds(num, den), "rate");
    }

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("numerator");
        CountJsonConverter.Instance.Write(writer, value.Numerator, options);
        writer.WritePropertyName("denominator");
        CountJsonConverter.Instance.Write(writer, value.Denominator, options);
        writer.WriteEndObject();
    }
}
