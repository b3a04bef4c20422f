using System;
using System.Collections.Generic;
using System.Linq;

namespace Zhengxie.Metrics.Validation;

/// <summary>
/// Thrown when input breaks a validation rule and the caller did not ask for findings. The message
/// names the committee, period and measure (or record); <see cref="Findings"/> holds every problem found.
/// </summary>
public sealed class ValidationException : ZhengxieMetricsException
{
    /// <summary>Creates an exception with a default message and no findings.</summary>
    public ValidationException()
        : base("The input broke a validation rule.")
    {
        Findings = Array.Empty<ValidationFinding>();
    }

    /// <summary>Creates an exception with a message and no findings.</summary>
    /// <param name="message">What was wrong.</param>
    public ValidationException(string message)
        : base(message)
    {
        Findings = Array.Empty<ValidationFinding>();
    }

    /// <summary>Creates an exception with a message, an inner exception and no findings.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = Array.Empty<ValidationFinding>();
    }

    /// <summary>Creates an exception from findings; the message is the first finding (and how many more there are).</summary>
    /// <param name="findings">At least one finding.</param>
    public ValidationException(IEnumerable<ValidationFinding> findings)
        : this(Materialise(findings))
    {
    }

    private ValidationException(System.Collections.ObjectModel.ReadOnlyCollection<ValidationFinding> findings)
        : base(findings.Count == 1 ? findings[0].ToString() : findings[0] + $" (and {findings.Count - 1} more)")
    {
        Findings = findings;
    }

    /// <summary>Gets every finding.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    private static System.Collections.ObjectModel.ReadOnlyCollection<ValidationFinding> Materialise(IEnumerable<ValidationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var list = findings.ToList().AsReadOnly();
        return list.Count > 0 ? list : throw new ArgumentException("At least one finding is needed.", nameof(findings));
    }
}
