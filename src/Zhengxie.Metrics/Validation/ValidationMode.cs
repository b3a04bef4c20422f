using System.Text.Json.Serialization;
using Zhengxie.Metrics.Serialization;

namespace Zhengxie.Metrics.Validation;

/// <summary>What to do with bad input.</summary>
[JsonConverter(typeof(EnumJsonConverter<ValidationMode>))]
public enum ValidationMode
{
    /// <summary>Throw a <see cref="ValidationException"/> naming the first problem (and carrying all). The default.</summary>
    Throw = 0,

    /// <summary>Collect every problem as a <see cref="ValidationFinding"/> and go on with what is valid; nothing invalid is used silently.</summary>
    CollectFindings = 1,
}
