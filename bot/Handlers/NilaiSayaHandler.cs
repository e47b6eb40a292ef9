using System.Text.Json.Nodes;
using Kinerja.Cards;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;

namespace KinerjaBot.Handlers;

/// <summary>An answer: a card, or a short text when there is nothing to show.</summary>
public sealed record Jawaban(JsonObject? Kartu, string? Teks)
{
    /// <summary>The card as a model, when the answer was built from one (the invoke path returns it).</summary>
    public AdaptiveCard? KartuCard { get; init; }

    /// <summary>The contract, when the card is an SKP card (remembered so that later transitions update it in place).</summary>
    public Kinerja.Domain.Kontrak.KunciSkp? Skp { get; init; }

    public static Jawaban Dari(AdaptiveCard card) => new(card.ToJson(), null) { KartuCard = card };

    public static Jawaban Pesan(string teks) => new(null, teks);
}

/// <summary>
/// "nilai saya": loads the employee's office, picks the period (default: the latest quarter with realisation data),
/// asks the domain for the scores, the trend and the unit's NKO, and renders the card. Translation only: every rule
/// is in <see cref="Penilai"/>.
/// </summary>
public sealed class NilaiSayaHandler(DataPenilaian dataPenilaian, Penilai penilai, TimeProvider time)
{
    public async Task<Jawaban> JawabAsync(IdentitasPengguna identitas, int? tahun, int? triwulan, CancellationToken cancellationToken)
    {
        var data = await dataPenilaian.MuatAsync(identitas.KodeKantor, cancellationToken);
        var pegawai = data?.CariPegawai(identitas.Nip);
        if (data is null || pegawai is null)
        {
            return Jawaban.Pesan("Data Anda tidak ditemukan lagi di data kantor. Hubungi Manajer Kinerja Pegawai kantor Anda.");
        }

        var terakhir = tahun is { } t ? data.PeriodeTerakhirDenganRealisasi(t) : data.PeriodeTerakhirDenganRealisasi();
        if (terakhir is null)
        {
            return Jawaban.Pesan(tahun is { } t2
                ? $"Belum ada data realisasi IKU tahun {t2} di kantor Anda."
                : "Belum ada data realisasi IKU di kantor Anda, jadi nilai belum dapat dihitung.");
        }

        var periode = triwulan is { } tw ? new Periode(terakhir.Value.Tahun, tw) : terakhir.Value;
        if (periode.Triwulan > terakhir.Value.Triwulan)
        {
            return Jawaban.Pesan($"Realisasi {periode.Label} belum ada. Data tersedia sampai {terakhir.Value.Label}: coba `nilai saya {terakhir.Value.Tahun} {terakhir.Value.Kode}`.");
        }

        if (data.CariKontrak(periode.Tahun, pegawai.Nip) is null)
        {
            return Jawaban.Pesan($"Anda belum punya kontrak kinerja tahun {periode.Tahun}, jadi nilainya belum dapat dihitung. Hubungi Manajer Kinerja Pegawai kantor Anda.");
        }

        var hasil = penilai.NilaiPegawai(data, pegawai, periode);
        var tren = penilai.Tren(data, pegawai, terakhir.Value);
        var nkoUnit = penilai.NkoKonteks(data, pegawai, periode);
        var zona = data.CariUnit(pegawai.KodeUnit)?.ZonaWaktu;
        var tersedia = Enumerable.Range(1, terakhir.Value.Triwulan).ToList();
        var model = new NilaiSayaModel(hasil, tren, nkoUnit, penilai.Kebijakan, tersedia, time.GetUtcNow(), zona);
        return Jawaban.Dari(NilaiSayaCard.Render(model));
    }
}
