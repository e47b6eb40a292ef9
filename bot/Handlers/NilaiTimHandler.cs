using Kinerja.Cards;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Jobs.Pengingat;

namespace KinerjaBot.Handlers;

/// <summary>
/// "nilai tim": the leader's team card for a quarter (default: the latest quarter with realisation data), for the
/// person of the activity only — a leader sees the people below them, nobody else's. Someone without direct reports
/// is told so. <c>nilai tim kantor</c> shows the whole office, to the office's coordinators only (<see cref="IKoordinatorKantor"/>). The model comes from <see cref="KartuNilai"/>, the same as the team summary sent when a period is final.
/// </summary>
public sealed class NilaiTimHandler(DataPenilaian dataPenilaian, IKoordinatorKantor koordinator, KartuNilai kartu)
{
    public const string PesanBukanPimpinan =
        "Perintah **nilai tim** hanya untuk pimpinan yang memiliki bawahan langsung. Nilai tim bersifat pribadi bagi atasannya. Ketik **nilai saya** untuk melihat nilai Anda sendiri.";

    public const string PesanBukanKoordinator =
        "Perintah **nilai tim kantor** hanya untuk koordinator kinerja (Manajer Kinerja Pegawai) kantor Anda. Ketik **nilai tim** untuk melihat tim Anda sendiri.";

    public async Task<Jawaban> JawabAsync(IdentitasPengguna identitas, int? tahun, int? triwulan, bool kantor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identitas);
        var data = await dataPenilaian.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data?.CariPegawai(identitas.Nip) is not { } pimpinan)
        {
            return Jawaban.Pesan("Data Anda tidak ditemukan lagi di data kantor. Hubungi Manajer Kinerja Pegawai kantor Anda.");
        }

        if (kantor && !koordinator.Adalah(data, pimpinan.Nip))
        {
            return Jawaban.Pesan(PesanBukanKoordinator);
        }

        if (!kantor && data.Bawahan(pimpinan.Nip).Count == 0)
        {
            return Jawaban.Pesan(PesanBukanPimpinan);
        }

        var terakhir = tahun is { } t ? data.PeriodeTerakhirDenganRealisasi(t) : data.PeriodeTerakhirDenganRealisasi();
        if (terakhir is null)
        {
            return Jawaban.Pesan(tahun is { } t2 ? $"Belum ada data realisasi IKU tahun {t2} di kantor Anda." : "Belum ada data realisasi IKU di kantor Anda, jadi nilai tim belum dapat dihitung.");
        }

        var periode = triwulan is { } tw ? new Periode(terakhir.Value.Tahun, tw) : terakhir.Value;
        if (periode.Triwulan > terakhir.Value.Triwulan)
        {
            return Jawaban.Pesan($"Realisasi {periode.Label} belum ada. Data tersedia sampai {terakhir.Value.Label}: coba `nilai tim {terakhir.Value.Tahun} {terakhir.Value.Kode}`.");
        }

        if (kantor)
        {
            return Jawaban.Dari(NilaiTimCard.Render(kartu.Kantor(data, pimpinan, periode)));
        }

        return kartu.Tim(data, pimpinan, periode) is { } model
            ? Jawaban.Dari(NilaiTimCard.Render(model))
            : Jawaban.Pesan(PesanBukanPimpinan);
    }
}
