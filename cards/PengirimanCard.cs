using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;

namespace Kinerja.Cards;

/// <summary>The card a snoozed message becomes (updated in place): when it will come back.</summary>
public static class IngatkanBesokCard
{
    public static AdaptiveCard Render(DateTimeOffset kapan, ZonaWaktu zona)
    {
        var waktu = Format.WaktuLokal(kapan, zona);
        var teks = $"Baik, pengingat ini akan dikirim lagi pada {waktu}.";
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Diingatkan besok") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(teks) { Wrap = true },
            ],
            FallbackText = teks,
            Speak = teks,
            Lang = "id",
        };
    }
}

/// <summary>One unreachable (or failed) recipient on the progress card.</summary>
public sealed record PenerimaBermasalah(string Nama, string Nip, string Keterangan);

/// <summary>The progress of one kind and period of an office.</summary>
public sealed record KemajuanPengiriman(
    string Jenis,
    string Kurun,
    int Total,
    int Terkirim,
    int TidakTerjangkau,
    int Gagal,
    int MungkinTerkirim,
    int Dilewati,
    int Menunggu,
    IReadOnlyList<PenerimaBermasalah> Bermasalah);

/// <summary>The coordinators' progress card (<c>status pengiriman</c>): "terkirim 812 dari 1.204, 12 tidak terjangkau" per run, and who cannot be reached and why.</summary>
public static class StatusPengirimanCard
{
    /// <summary>At most this many people listed per run (the card stays under Teams' size limit).</summary>
    public const int DaftarMaksimal = 20;

    public static AdaptiveCard Render(string namaKantor, IReadOnlyList<KemajuanPengiriman> kemajuan)
    {
        ArgumentNullException.ThrowIfNull(kemajuan);
        var body = new List<CardElement>
        {
            new TextBlock($"Status pengiriman — {namaKantor}") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (kemajuan.Count == 0)
        {
            body.Add(new TextBlock("Belum ada pesan terjadwal yang direncanakan untuk kantor ini.") { Wrap = true });
        }

        var ringkas = new List<string>();
        foreach (var k in kemajuan)
        {
            var baris = Baris(k);
            ringkas.Add($"{Label(k.Jenis)} {k.Kurun}: {baris}");
            body.Add(new TextBlock($"{Label(k.Jenis)} · {k.Kurun}") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
            body.Add(new TextBlock(baris) { Wrap = true });
            if (k.MungkinTerkirim > 0)
            {
                body.Add(new TextBlock($"{Angka(k.MungkinTerkirim)} pesan mungkin sudah terkirim tetapi tidak terkonfirmasi (tidak dikirim ulang).") { Wrap = true, IsSubtle = true });
            }

            if (k.Bermasalah.Count > 0)
            {
                body.Add(new FactSet { Facts = [.. k.Bermasalah.Take(DaftarMaksimal).Select(p => new Fact($"{p.Nama} ({p.Nip})", p.Keterangan))] });
                var sisa = k.TidakTerjangkau + k.Gagal - Math.Min(DaftarMaksimal, k.Bermasalah.Count);
                if (sisa > 0)
                {
                    body.Add(new TextBlock($"… dan {Angka(sisa)} lainnya.") { Wrap = true, IsSubtle = true });
                }
            }
        }

        var fallback = ringkas.Count == 0 ? "Belum ada pesan terjadwal." : string.Join("\n", ringkas);
        return new AdaptiveCard { Body = body, FallbackText = fallback, Lang = "id" };
    }

    /// <summary>"terkirim 812 dari 1.204, 12 tidak terjangkau, 3 gagal, 377 menunggu".</summary>
    public static string Baris(KemajuanPengiriman k)
    {
        ArgumentNullException.ThrowIfNull(k);
        var bagian = new List<string> { $"terkirim {Angka(k.Terkirim)} dari {Angka(k.Total)}" };
        if (k.TidakTerjangkau > 0)
        {
            bagian.Add($"{Angka(k.TidakTerjangkau)} tidak terjangkau");
        }

        if (k.Gagal > 0)
        {
            bagian.Add($"{Angka(k.Gagal)} gagal");
        }

        if (k.Dilewati > 0)
        {
            bagian.Add($"{Angka(k.Dilewati)} tidak diperlukan lagi");
        }

        if (k.Menunggu > 0)
        {
            bagian.Add($"{Angka(k.Menunggu)} menunggu");
        }

        return string.Join(", ", bagian);
    }

    private static string Angka(int n) => n.ToString("#,##0", Format.Budaya);

    private static string Label(string jenis) => jenis switch
    {
        JenisPengiriman.PengingatSkp => "Pengingat SKP",
        JenisPengiriman.PersetujuanSkp => "Pengingat persetujuan SKP",
        JenisPengiriman.EskalasiSkp => "Eskalasi persetujuan SKP",
        JenisPengiriman.KontrakBelumDimuat => "Peringatan kontrak kinerja belum dimuat",
        JenisPengiriman.RekapKoordinator => "Rekap mingguan koordinator",
        JenisPengiriman.PengingatRealisasi => "Pengingat realisasi",
        JenisPengiriman.AjakanDki => "Ajakan dialog kinerja individu",
        JenisPengiriman.AjakanDko => "Ajakan dialog kinerja organisasi",
        JenisPengiriman.RingkasanNilai => "Ringkasan nilai",
        JenisPengiriman.RingkasanTim => "Ringkasan nilai tim",
        _ => jenis,
    };
}

/// <summary>
/// The answer to <c>dasbor jadwal</c>: a button that opens the Hangfire dashboard through a single-use, short-lived link
/// made for this person (a button, not a link in text: Teams would fetch a link in a message for its preview).
/// </summary>
public static class DasborJadwalCard
{
    public static AdaptiveCard Render(Uri tautan, DateTimeOffset berlakuSampai, ZonaWaktu zona, bool hanyaMelihat, TimeSpan masaSesi)
    {
        ArgumentNullException.ThrowIfNull(tautan);
        var sampai = Format.WaktuLokal(berlakuSampai, zona);
        var teks = $"Tautan ini hanya untuk Anda, hanya dapat dibuka sekali, dan berlaku sampai {sampai}. Jangan diteruskan kepada orang lain.";
        var akses = hanyaMelihat
            ? "Sebagai koordinator, Anda dapat melihat jadwal dan pengiriman (hanya baca)."
            : "Sebagai administrator, Anda juga dapat menjalankan, mengulang, atau menghapus job.";
        var sesi = $"Setelah dibuka, sesi dasbor berlaku {Format.AngkaRingkas((decimal)masaSesi.TotalMinutes)} menit.";
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Dasbor jadwal") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(teks) { Wrap = true },
                new TextBlock($"{akses} {sesi}") { Wrap = true, IsSubtle = true },
            ],
            Actions = [new OpenUrlAction { Title = "Buka dasbor jadwal", Url = tautan }],
            FallbackText = $"Dasbor jadwal: {teks}",
            Speak = "Tautan dasbor jadwal untuk Anda.",
            Lang = "id",
        };
    }
}
