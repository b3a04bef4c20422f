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

    [Fact]
    public void A_table_on_arrays_another_table_used_and_released_starts_empty()
    {
        // 40,000 keys take 131,072 places: arrays from the shared pools, given back by Release and by each growth.
        for (int round = 0; round < 3; round++)
        {
            var table = new IdentityTable();
            if (round == 1)
            {
                table.EnsureCapacity(40_000);
            }

            for (int slot = 0; slot < 40_000; slot++)
            {
                table.GetOrAdd(Key(slot), slot).Should().Be(-1, "round {0}, slot {1}: the key is new to this table, whatever the arrays held before", round, slot);
            }

            table.GetOrAdd(Key(39_999), -5).Should().Be(39_999);
            table.GetOrAdd(Key(0), -5).Should().Be(0);
            table.Release(reuse: true);
            table.GetOrAdd(Key(0), 7).Should().Be(-1, "a released table is empty");
        }
    }

    /// <summary>Slot <paramref name="slot"/>'s key: 20 measures per committee-period, as a file lists them.</summary>
    private static long Key(int slot) => ((long)(slot / 20) << 22) | ((long)(slot % 20) << 1);
}
