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
}
