using System.Collections.Generic;
using CsCheck;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Csv;

namespace Zhengxie.Metrics.Tests.Csv;

/// <summary>
/// <see cref="IdentityTable"/> answers as a dictionary of first slots does: on random keys in runs (measures of one
/// committee-period side by side, as a file lists them), repeats, negative keys and keys that share their places,
/// through every growth from a small table and from one sized beforehand.
/// </summary>
public class IdentityTableTest
{
    [Fact]
    public void Each_key_keeps_the_slot_it_was_first_given()
    {
        var genKey = Gen.Select(Gen.Long, Gen.Int[0, 40], Gen.Int[0, 1], Gen.Int[0, 3])
            .Select((group, measure, scope, kind) => kind switch
            {
                0 => group, // anything, negative included
                1 => (group & ~0x3FFFFFL) | ((long)measure << 1) | (long)scope, // a measure of a committee-period
                2 => ((group & 0x7) << 42) | ((long)measure << 1), // few committee-periods: crowded places
                _ => (long)measure << 1,
            });
        Gen.Select(genKey.Array[0, 3_000], Gen.Int[0, 4_000], Gen.Bool).Sample(
            (keys, presize, sized) =>
            {
                var table = new IdentityTable();
                if (sized)
                {
                    table.EnsureCapacity(presize);
                }

                var expected = new Dictionary<long, int>();
                for (int slot = 0; slot < keys.Length; slot++)
                {
                    int want = expected.TryGetValue(keys[slot], out int first) ? first : -1;
                    if (want < 0)
                    {
                        expected[keys[slot]] = slot;
                    }

                    table.GetOrAdd(keys[slot], slot).Should().Be(want);
                }

                foreach (var (key, slot) in expected)
                {
                    table.GetOrAdd(key, -5).Should().Be(slot);
                }
            },
            iter: 500);
    }
}
