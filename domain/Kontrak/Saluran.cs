namespace Kinerja.Domain.Kontrak;

/// <summary>Through which channel a transition came: <c>teams</c> (Universal Action), <c>teams-submit</c> (fallback), <c>impor</c>.</summary>
public readonly record struct Saluran
{
    public static readonly Saluran Teams = new("teams");
    public static readonly Saluran TeamsSubmit = new("teams-submit");
    public static readonly Saluran Impor = new("impor");

    private readonly string? _nilai;

    public Saluran(string nilai)
    {
        var t = nilai?.Trim() ?? "";
        if (t.Length is 0 or > 40 || !t.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new DomainException($"Saluran '{nilai}' tidak valid: huruf kecil, angka atau '-', paling banyak 40 karakter");
        }

        _nilai = t;
    }

    public string Nilai => _nilai ?? throw new InvalidOperationException("Saluran default tidak berisi nilai.");

    public override string ToString() => Nilai;
}
