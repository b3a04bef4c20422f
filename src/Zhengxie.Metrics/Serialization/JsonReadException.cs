using System;
using System.Text.Json;

namespace Zhengxie.Metrics.Serialization;

/// <summary>
/// A value in JSON that does not make the type it should be read as. The message names the JSON path and
/// what was wrong (<c>$.figures[3].period: '2020x' is not a reporting period …</c>): System.Text.Json sets
/// <see cref="JsonException.Path"/> to where the failing converter was called, and this exception adds the
/// path inside that value (<see cref="RelativePath"/>) that the converter walked itself.
/// </summary>
#pragma warning disable CA1064 // Internal on purpose: callers catch JsonException, the public type.
internal sealed class JsonReadException : JsonException
#pragma warning restore CA1064
{
    internal JsonReadException(string detail, Exception? innerException = null)
        : base(detail, innerException)
    {
        Detail = detail;
        RelativePath = string.Empty;
    }

    /// <summary>Gets what was wrong, without the path.</summary>
    internal string Detail { get; }

    /// <summary>Gets the path below <see cref="JsonException.Path"/>, such as <c>.source.published</c>; empty when the error is at that path.</summary>
    internal string RelativePath { get; private set; }

    /// <summary>Gets the full JSON path of the bad value.</summary>
    internal string FullPath => (Path ?? "$") + RelativePath;

    /// <inheritdoc />
    public override string Message => FullPath + ": " + Detail;

    /// <summary>Records that the error lies below another property or element (<c>.name</c>, <c>[3]</c>).</summary>
    internal JsonReadException Below(string segment)
    {
        RelativePath = segment + RelativePath;
        return this;
    }
}
