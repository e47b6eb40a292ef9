using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kontrak;

/// <summary>
/// Permission to decide (approve or return) one contract, in a capacity. Only <see cref="OtorisasiSkp"/> issues it,
/// so <see cref="PersetujuanSkp.Setujui"/> and <see cref="PersetujuanSkp.Kembalikan"/> cannot be reached without the
/// check. <see cref="AtasNama"/> is the supervisor a Plt./Plh. acts for.
/// </summary>
public sealed class IzinPemutus
{
    internal IzinPemutus(KunciSkp kunci, Pelaku oleh, Pelaku? atasNama, PeranPemutus peran)
    {
        Kunci = kunci;
        Oleh = oleh;
        AtasNama = atasNama;
        Peran = peran;
    }

    public KunciSkp Kunci { get; }

    public Pelaku Oleh { get; }

    public Pelaku? AtasNama { get; }

    public PeranPemutus Peran { get; }
}

/// <summary>The answer to "may this person act on this contract?": an <see cref="Izin"/>, or a Bahasa Indonesia reason.</summary>
public sealed record HasilOtorisasi(bool Boleh, IzinPemutus? Izin, string Alasan)
{
    public static HasilOtorisasi Ditolak(string alasan) => new(false, null, alasan);
}

/// <summary>
/// Who may act on a contract (domain.md §7). The actor is the person of the authenticated activity, never anything in a
/// card's data. Rules:
/// <list type="bullet">
/// <item>Submit and adendum: the owner only.</item>
/// <item>Approve or return: the <b>atasan langsung</b> (<see cref="Pegawai.NipAtasan"/>); a <b>Plt./Plh.</b> acting for
/// that supervisor on the office's local date (inclusive); or the <b>atasan pejabat penilai</b> (the supervisor's
/// supervisor) once owner and supervisor disagree — chosen here as "the contract was returned at least once in the
/// current round" (<see cref="PersetujuanSkp.JumlahDikembalikanPutaranIni"/>). A Plt./Plh. of the atasan pejabat
/// penilai is not given that power (the regulation names the official; a coordinator can assign a Plt. of the atasan
/// langsung instead). The owner never decides on their own contract. Nobody else.</item>
/// </list>
/// </summary>
public static class OtorisasiSkp
{
    /// <summary>May <paramref name="pelaku"/> submit (or propose an adendum to) this contract?</summary>
    public static HasilOtorisasi PeriksaPengajuan(DataKantor kantor, PersetujuanSkp skp, Nip pelaku)
    {
        ArgumentNullException.ThrowIfNull(kantor);
        ArgumentNullException.ThrowIfNull(skp);
        if (pelaku == skp.Kunci.Pemilik)
        {
            return new HasilOtorisasi(true, null, "Anda pemilik SKP ini");
        }

        var pemilik = kantor.CariPegawai(skp.Kunci.Pemilik);
        return HasilOtorisasi.Ditolak($"Hanya {pemilik?.Nama ?? skp.Kunci.Pemilik.Tampilan} sendiri yang dapat mengajukan SKP ini.");
    }

    /// <summary>May <paramref name="pelaku"/> approve or return this contract on <paramref name="hariIni"/> (the office's local date)?</summary>
    public static HasilOtorisasi PeriksaKeputusan(DataKantor kantor, PersetujuanSkp skp, Nip pelaku, IEnumerable<Delegasi> delegasi, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(kantor);
        ArgumentNullException.ThrowIfNull(skp);
        ArgumentNullException.ThrowIfNull(delegasi);
        var kunci = skp.Kunci;
        var pemilik = kantor.CariPegawai(kunci.Pemilik);
        if (pemilik is null)
        {
            return HasilOtorisasi.Ditolak($"Pegawai {kunci.Pemilik.Tampilan} tidak ada di data kantor.");
        }

        if (kantor.CariPegawai(pelaku) is not { } orang)
        {
            return HasilOtorisasi.Ditolak("Anda tidak terdaftar sebagai pegawai kantor ini.");
        }

        if (pelaku == pemilik.Nip)
        {
            return HasilOtorisasi.Ditolak("Anda tidak dapat menyetujui atau mengembalikan SKP Anda sendiri.");
        }

        if (pemilik.NipAtasan is not { } nipAtasan || kantor.CariPegawai(nipAtasan) is not { } atasan)
        {
            return HasilOtorisasi.Ditolak($"{pemilik.Nama} tidak punya atasan langsung di data kantor; SKP-nya diproses di luar KinerjaBot.");
        }

        if (pelaku == atasan.Nip)
        {
            return new HasilOtorisasi(true, new IzinPemutus(kunci, Pelaku.Dari(orang), null, PeranPemutus.AtasanLangsung),
                $"Anda atasan langsung {pemilik.Nama}.");
        }

        var penugasan = delegasi.Where(d => d.Pelaksana == pelaku && d.Digantikan == atasan.Nip).OrderBy(d => d.Mulai).ToList();
        if (penugasan.Find(d => d.BerlakuPada(hariIni)) is { } berlaku)
        {
            return new HasilOtorisasi(true, new IzinPemutus(kunci, Pelaku.Dari(orang), Pelaku.Dari(atasan), PeranPemutus.PelaksanaAtasan),
                $"Anda {Delegasi.Sebutan(berlaku.Jenis)} {atasan.Nama} ({TanggalIndonesia.Rentang(berlaku.Mulai, berlaku.Selesai)}).");
        }

        if (atasan.NipAtasan == pelaku)
        {
            return skp.JumlahDikembalikanPutaranIni > 0
                ? new HasilOtorisasi(true, new IzinPemutus(kunci, Pelaku.Dari(orang), null, PeranPemutus.AtasanPejabatPenilai),
                    $"Anda atasan pejabat penilai {pemilik.Nama}; SKP ini pernah dikembalikan, jadi Anda dapat memutuskannya.")
                : HasilOtorisasi.Ditolak(
                    $"Anda atasan pejabat penilai {pemilik.Nama}. Anda baru dapat memutuskan bila {pemilik.Nama} dan {atasan.Nama} tidak sepakat " +
                    "(SKP pernah dikembalikan); sekarang keputusan ada pada atasan langsung.");
        }

        if (penugasan.Count > 0)
        {
            var hari = TanggalIndonesia.Format(hariIni);
            var d0 = penugasan[0];
            return HasilOtorisasi.Ditolak(penugasan.Count == 1
                ? $"Penugasan {Delegasi.Sebutan(d0.Jenis)} Anda berlaku {TanggalIndonesia.Rentang(d0.Mulai, d0.Selesai)} (menggantikan {atasan.Nama}); hari ini {hari}."
                : $"Penugasan Anda menggantikan {atasan.Nama} berlaku " +
                  string.Join(", ", penugasan.Select(d => $"{Delegasi.Sebutan(d.Jenis)} {TanggalIndonesia.Rentang(d.Mulai, d.Selesai)}")) +
                  $"; hari ini {hari}.");
        }

        return HasilOtorisasi.Ditolak(
            $"Anda bukan atasan langsung {pemilik.Nama}. SKP ini disetujui atau dikembalikan oleh {atasan.Nama} atau Plt./Plh. yang ditunjuk koordinator.");
    }
}
