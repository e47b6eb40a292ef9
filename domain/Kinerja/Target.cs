namespace Kinerja.Domain.Kinerja;

/// <summary>
/// A quarter's target. For a <see cref="Polaritas.Stabilize"/> IKU it is the range [<see cref="Nilai"/>,
/// <see cref="Atas"/>]; for the others <see cref="Atas"/> is null.
/// </summary>
public readonly record struct Target
{
    public Target(decimal nilai, decimal? atas = null)
    {
        if (atas is { } a && a < nilai)
        {
            throw new DomainException($"Batas atas target ({a}) lebih kecil dari batas bawah ({nilai})");
        }

        Nilai = nilai;
        Atas = atas;
    }

    /// <summary>The target, or the lower bound of a range.</summary>
    public decimal Nilai { get; }

    /// <summary>The upper bound of a range (<c>stab</c> only).</summary>
    public decimal? Atas { get; }
}
