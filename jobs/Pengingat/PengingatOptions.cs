using System.ComponentModel.DataAnnotations;

namespace Kinerja.Jobs.Pengingat;

/// <summary>Section <c>Kinerja:Pengingat</c>: when the daily run of each office starts, and how long the realisation window lasts.</summary>
public sealed class PengingatOptions
{
    public const string Section = "Kinerja:Pengingat";

    /// <summary>Local hour (office zone) of the daily run, Monday–Friday.</summary>
    [Range(0, 23)]
    public int JamKirim { get; set; } = 8;

    /// <summary>Days after a quarter's end in which missing realisations are asked for (domain.md §8: ~10–14).</summary>
    [Range(1, 31)]
    public int HariIsiRealisasi { get; set; } = 10;

    /// <summary>
    /// Days after a quarter's final date (<see cref="DataPengingat.TanggalFinal"/>, TW III: 1 November) during which a
    /// score summary waits for the recipient's data to be complete; from then on (TW III: 1 December with 30) what is
    /// still incomplete is sent anyway, marked <i>sementara</i>. At most 60, so it falls before the next quarter's date.
    /// </summary>
    [Range(0, 60)]
    public int HariTungguNilaiFinal { get; set; } = 30;
}
