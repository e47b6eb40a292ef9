using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Cards;

/// <summary>
/// "nilai tim": a leader's team for a quarter — everyone below the leader in the supervision tree — with the
/// distribution by predikat and who is below 100 (CKP: the contract's IKU not achieved). The same card is the team
/// summary sent to leaders when a period becomes final.
/// </summary>
/// <param name="NamaPimpinan">The leader.</param>
/// <param name="Periode">The quarter.</param>
/// <param name="Anggota">The team's scores (<c>Penilai.NilaiPegawai</c>), in the office's order.</param>
/// <param name="Kebijakan">The policy: its predikat bands give the distribution's rows, best first.</param>
/// <param name="SeluruhKantor">True for a coordinator's view of the whole office (<c>nilai tim kantor</c>).</param>
public sealed record NilaiTimModel(string NamaPimpinan, Periode Periode, IReadOnlyList<HasilPegawai> Anggota, KebijakanPenilaian Kebijakan, bool SeluruhKantor = false);

public static class NilaiTimCard
{
    /// <summary>Id of the distribution's fact set.</summary>
    public const string IdSebaran = "sebaran";

    /// <summary>Id of the list of who is below 100.</summary>
    public const string IdDiBawah100 = "bawah100";

    public const string BelumDihitung = "Belum dapat dihitung";

    /// <summary>At most this many rows in the list (the 28 KB limit); the rest are counted.</summary>
    public const int Maksimal = 40;

    public static AdaptiveCard Render(NilaiTimModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var anggota = model.Anggota;
        var predikat = model.Kebijakan.PredikatPegawai.Pita.Select(p => p.Predikat).Append(model.Kebijakan.PredikatPegawai.Terendah).Distinct().ToList();
        var sebaran = predikat.Select(p => new Fact(p, KartuPesan.Angka(anggota.Count(a => a.Nkp is not null && a.Predikat == p)))).ToList();
        var tanpaNilai = anggota.Count(a => a.Nkp is null);
        if (tanpaNilai > 0)
        {
            sebaran.Add(new Fact(BelumDihitung, KartuPesan.Angka(tanpaNilai)));
        }

        var dibawah = anggota.Where(a => a.Ckp is < 100).OrderBy(a => a.Ckp).ToList();
        var sementara = anggota.Count(a => a.Status == StatusNilai.Sementara);
        var ringkasan = $"Nilai tim {model.NamaPimpinan} {model.Periode.Label}: {KartuPesan.Angka(anggota.Count)} pegawai, " +
            $"{KartuPesan.Angka(dibawah.Count)} dengan CKP di bawah 100.";
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"Nilai tim · {model.Periode.Label}"),
            KartuPesan.Teks($"{model.NamaPimpinan} · {KartuPesan.Angka(anggota.Count)} {(model.SeluruhKantor ? "pegawai di kantor" : "pegawai di bawah Anda")}" +
                (sementara > 0 ? $" · {KartuPesan.Angka(sementara)} nilai masih sementara" : "")),
            new TextBlock("Sebaran predikat (NKP)") { Weight = TextWeight.Bolder, Wrap = true, Separator = true },
            new FactSet { Id = IdSebaran, Facts = sebaran },
            new TextBlock($"CKP di bawah 100 ({KartuPesan.Angka(dibawah.Count)})") { Weight = TextWeight.Bolder, Wrap = true, Separator = true },
        };
        if (dibawah.Count == 0)
        {
            body.Add(KartuPesan.Teks("Semua pegawai mencapai CKP 100 atau lebih.", halus: true));
        }
        else
        {
            body.Add(new FactSet
            {
                Id = IdDiBawah100,
                Facts = [.. dibawah.Take(Maksimal).Select(a => new Fact(a.Pegawai.Nama,
                    $"CKP {Format.Angka(a.Ckp!.Value)} · NKP {(a.Nkp is { } n ? Format.Angka(n) : "—")}{(a.Status == StatusNilai.Sementara ? " (sementara)" : "")}"))],
            });
            if (dibawah.Count > Maksimal)
            {
                body.Add(KartuPesan.Teks($"… dan {KartuPesan.Angka(dibawah.Count - Maksimal)} lainnya.", halus: true));
            }
        }

        body.Add(KartuPesan.Teks("Nilai bersifat pribadi: kartu ini hanya untuk Anda.", halus: true));
        return KartuPesan.Kartu(body, [KartuPesan.Perintah("Nilai saya", $"nilai saya {KartuPesan.Tahun(model.Periode.Tahun)} {model.Periode.Kode}")], ringkasan);
    }
}
