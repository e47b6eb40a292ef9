using System.Globalization;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Testing.Builders;

/// <summary>Valid NIPs for tests: a few of the demo office (KPPN Metro) and a generator of distinct ones.</summary>
public static class NipContoh
{
    /// <summary>Kepala KPPN Metro (displays as <c>19760314 199803 1 002</c>).</summary>
    public static Nip KepalaKppn { get; } = Nip.Parse("197603141998031002");

    /// <summary>Kepala Subbagian Umum (a woman: sex digit 2).</summary>
    public static Nip KasubbagUmum { get; } = Nip.Parse("198407222006122001");

    public static Nip KasiPdms { get; } = Nip.Parse("198211052003121004");

    /// <summary>A pelaksana of the Subbagian Umum.</summary>
    public static Nip Pelaksana { get; } = Nip.Parse("199505112018031005");

    /// <summary>A valid NIP with sequence <paramref name="urut"/> (1–999): born 1990-01-01, TMT CPNS 2015-01.</summary>
    public static Nip Ke(int urut) =>
        urut is >= 1 and <= 999
            ? Nip.Parse(string.Create(CultureInfo.InvariantCulture, $"19900101201501{(urut % 2 == 0 ? 2 : 1)}{urut:000}"))
            : throw new ArgumentOutOfRangeException(nameof(urut));
}
