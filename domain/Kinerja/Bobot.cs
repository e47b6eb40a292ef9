namespace Kinerja.Domain.Kinerja;

/// <summary>A weight: positive and at most 100.</summary>
public readonly record struct Bobot
{
    public Bobot(decimal nilai)
    {
        if (nilai <= 0 || nilai > 100)
        {
            throw new DomainException($"Bobot harus lebih dari 0 dan paling banyak 100, bukan {nilai}");
        }

        Nilai = nilai;
    }

    public decimal Nilai { get; }

    public override string ToString() => Nilai.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
