using System.Globalization;
using Kinerja.Testing;

namespace KinerjaBot.Tests.Rekap;

/// <summary>Compares a recap CSV with the acceptance fixture: same rows, numbers ±0.01, predikat and status exactly.</summary>
internal static class RekapFixture
{
    public static void SamaDenganFixture(string periode, string csv)
    {
        var expected = Lines(File.ReadAllText(RepoPaths.ExpectedRekap(periode)));
        var actual = Lines(csv);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 1; i < expected.Count; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.True(e.Length == a.Length, $"baris {i + 1}: {actual[i]}");
            Assert.Equal(e[0], a[0]);
            Assert.Equal(e[1], a[1]);
            for (var c = 2; c <= 5; c++)
            {
                if (e[c].Length == 0)
                {
                    Assert.True(a[c].Length == 0, $"baris {i + 1} kolom {c}: diharapkan kosong, ternyata '{a[c]}'");
                    continue;
                }

                var ev = decimal.Parse(e[c], CultureInfo.InvariantCulture);
                var av = decimal.Parse(a[c], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(ev - av) <= 0.01m, $"{periode} baris {i + 1} ({e[1]}) kolom {c}: {ev} ≠ {av}");
            }

            Assert.True(e[6] == a[6], $"{periode} baris {i + 1} predikat: {e[6]} ≠ {a[6]}");
            Assert.True(e[7] == a[7], $"{periode} baris {i + 1} status: {e[7]} ≠ {a[7]}");
        }
    }

    private static List<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).ToList();
}
