using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Pengiriman;

/// <summary>
/// The idempotency key of one scheduled message: one delivery per (kind, period, recipient) in an office. Re-running a
/// planner or a fan-out with the same key never sends twice (architecture.md habit 10).
/// </summary>
public sealed record KunciPengiriman
{
    /// <param name="jenis">The kind, one of <see cref="JenisPengiriman"/>: lower-case letters, digits and '-'.</param>
    /// <param name="kurun">
    /// The period the message is about, chosen by the planner so that what must go once goes once: <c>2027-H7</c>
    /// for an SKP reminder seven days before the deadline, <c>2026-TW3</c> for a quarter, <c>2026-11</c> for a month.
    /// Letters, digits, '-', '.' and '_'; at most 40 characters.
    /// </param>
    /// <param name="kodeKantor">The office the recipient belongs to.</param>
    /// <param name="penerima">The recipient.</param>
    public KunciPengiriman(string jenis, string kurun, string kodeKantor, Nip penerima)
    {
        Jenis = Periksa(jenis, "Jenis", kurun: false);
        Kurun = Periksa(kurun, "Kurun", kurun: true);
        KodeKantor = string.IsNullOrWhiteSpace(kodeKantor)
            ? throw new DomainException("Kode kantor pengiriman kosong.")
            : kodeKantor;
        Penerima = penerima;
    }

    public string Jenis { get; }

    public string Kurun { get; }

    public string KodeKantor { get; }

    public Nip Penerima { get; }

    public override string ToString() => $"{Jenis}|{Kurun}|{KodeKantor}|{Penerima.Value}";

    private const int PanjangMaks = 40;

    private static string Periksa(string nilai, string nama, bool kurun)
    {
        if (string.IsNullOrEmpty(nilai) || nilai.Length > PanjangMaks)
        {
            throw new DomainException($"{nama} pengiriman harus 1–{PanjangMaks} karakter: '{nilai}'.");
        }

        foreach (var c in nilai)
        {
            // Both end up in storage keys (docs/storage.md): no '/', '\', '#', '?' (Azure Tables keys) and no '|' (the ledger's key separator).
            var sah = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'
                || (kurun && (char.IsAsciiLetterUpper(c) || c is '.' or '_'));
            if (!sah)
            {
                throw new DomainException($"{nama} pengiriman berisi karakter tidak sah '{c}': '{nilai}'.");
            }
        }

        return nilai;
    }
}
