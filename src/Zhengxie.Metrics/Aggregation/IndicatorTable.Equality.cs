using System;
using System.Linq;

namespace Zhengxie.Metrics.Aggregation;

// Value equality: two tables are equal when they hold the same data (what its JSON holds).
public sealed partial class IndicatorTable : IEquatable<IndicatorTable>
{
    /// <summary>
    /// Compares the data: the groups with their sizes, the period buckets, the columns (each measure with its unit,
    /// each rate with its formula), the region table of a hierarchy roll-up, and every cell (sum or pooled rate, with
    /// its coverage). A table read back from its JSON equals the table written.
    /// </summary>
    /// <param name="other">The other table.</param>
    /// <returns>Whether both hold the same data.</returns>
    public bool Equals(IndicatorTable? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!groups.AsSpan().SequenceEqual(other.groups) || !groupSizes.AsSpan().SequenceEqual(other.groupSizes)
            || !buckets.SequenceEqual(other.buckets) || !Equals(regions, other.regions)
            || measureColumns.Length != other.measureColumns.Length || rateColumns.Length != other.rateColumns.Length)
        {
            return false;
        }

        for (int c = 0; c < measureColumns.Length; c++)
        {
            if (measureColumns[c].Measure != other.measureColumns[c].Measure
                || !string.Equals(measureColumns[c].Unit, other.measureColumns[c].Unit, StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (int c = 0; c < rateColumns.Length; c++)
        {
            if (!rateColumns[c].Definition.Equals(other.rateColumns[c].Definition))
            {
                return false;
            }
        }

        return CellsEqual(other);
    }

    private bool CellsEqual(IndicatorTable other)
    {
        int rows = RowCount;
        for (int row = 0; row < rows; row++)
        {
            for (int c = 0; c < measureColumns.Length; c++)
            {
                if (GetValue(row, measureColumns[c]) != other.GetValue(row, other.measureColumns[c]))
                {
                    return false;
                }
            }

            for (int c = 0; c < rateColumns.Length; c++)
            {
                if (GetRate(row, rateColumns[c]) != other.GetRate(row, other.rateColumns[c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IndicatorTable);

    /// <summary>Returns a hash of the table's shape and its first group (cheap; consistent with <see cref="Equals(IndicatorTable)"/>).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(groups.Length, buckets.Length, measureColumns.Length, rateColumns.Length, groups.Length > 0 ? groups[0] : default, buckets.Length > 0 ? buckets[0].Label : null);
}
