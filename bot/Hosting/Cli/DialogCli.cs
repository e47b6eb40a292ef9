using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Dialog;
using KinerjaBot.Handlers;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// <c>dialog</c>: the coordinators' verb for performance dialogs. <c>kepatuhan</c> prints the compliance figures of an
/// office (domain.md §8: per unit and per leader, direct reports without a DKI in the policy's window, overdue
/// follow-ups); <c>notula</c> writes a recorded dialog's minutes as DOCX, for filing as evidence.
/// </summary>
internal static class DialogCli
{
    public const string Verb = "dialog";

    public const string Pemakaian = """
          KinerjaBot dialog kepatuhan --kantor KODE [--tanggal 2026-11-28]
              Kepatuhan dialog kinerja per unit dan per pimpinan: bawahan yang belum DKI dalam 3 bulan terakhir
              (kebijakan dialog) dan tindak lanjut yang terlambat, pada tanggal itu (bawaan: hari ini di zona kantor).
          KinerjaBot dialog notula --kantor KODE --id ID --out BERKAS.docx
              Notula satu dialog (agenda, notula, tindak lanjut, peserta) sebagai dokumen Word untuk arsip.
        """;

    /// <summary>Checks the sub-command and its options; null when they are right.</summary>
    public static string? Periksa(string? sub, IReadOnlyDictionary<string, string> opsi) => sub switch
    {
        "kepatuhan" when !opsi.ContainsKey("kantor") => "dialog kepatuhan perlu --kantor",
        "kepatuhan" when opsi.TryGetValue("tanggal", out var t) && !DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            => $"--tanggal '{t}' harus berbentuk 2026-11-28",
        "kepatuhan" => Lain(opsi, ["kantor", "tanggal"]),
        "notula" when !opsi.ContainsKey("kantor") || !opsi.ContainsKey("id") || !opsi.ContainsKey("out") => "dialog notula perlu --kantor, --id dan --out",
        "notula" when Path.GetDirectoryName(Path.GetFullPath(opsi["out"])) is { } folder && !Directory.Exists(folder) => $"folder untuk --out tidak ada: {folder}",
        "notula" => Lain(opsi, ["kantor", "id", "out"]),
        null => "dialog perlu kepatuhan atau notula",
        _ => $"dialog tidak mengenal '{sub}' (kepatuhan, notula)",
    };

    public static async Task<int> RunAsync(IServiceProvider services, string sub, IReadOnlyDictionary<string, string> opsi, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var dataPenilaian = services.GetRequiredService<DataPenilaian>();
        var store = services.GetRequiredService<IDialogStore>();
        var kode = opsi["kantor"];
        if (await dataPenilaian.MuatAsync(kode, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            await stderr.WriteLineAsync($"Kantor {kode} tidak ada di basis data.").ConfigureAwait(false);
            return KinerjaCli.ExitGagal;
        }

        var zona = data.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;
        var hariIni = opsi.TryGetValue("tanggal", out var t)
            ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId)).DateTime);
        if (sub == "notula")
        {
            if (await store.MuatAsync(kode, opsi["id"], cancellationToken).ConfigureAwait(false) is not { } dialog)
            {
                await stderr.WriteLineAsync($"Dialog {opsi["id"]} tidak ada di {kode}.").ConfigureAwait(false);
                return KinerjaCli.ExitGagal;
            }

            var isi = NotulaDocx.Tulis(dialog, DialogHandler.Judul(data, dialog.Seri), data.UnitInduk?.Nama ?? kode, hariIni);
            await File.WriteAllBytesAsync(opsi["out"], isi, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"Notula {dialog.Id} ditulis ke {opsi["out"]} ({isi.Length.ToString(CultureInfo.InvariantCulture)} byte).").ConfigureAwait(false);
            return KinerjaCli.ExitBerhasil;
        }

        var kebijakan = KebijakanDialog.Bawaan();
        var dialogs = await store.DaftarAsync(kode, hariIni.AddMonths(-kebijakan.DkiBatasKepatuhanBulan - 1), cancellationToken).ConfigureAwait(false);
        var tindakLanjut = await store.DaftarTindakLanjutAsync(kode, hanyaTerbuka: true, cancellationToken).ConfigureAwait(false);
        var perPemimpin = KepatuhanDialog.PerPemimpin(data, dialogs, tindakLanjut, hariIni, kebijakan);
        await stdout.WriteLineAsync($"Kepatuhan dialog kinerja {data.UnitInduk?.Nama ?? kode} per {Kinerja.Domain.Kontrak.TanggalIndonesia.Format(hariIni)} (DKI paling sedikit sekali dalam {kebijakan.DkiBatasKepatuhanBulan.ToString(CultureInfo.InvariantCulture)} bulan)")
            .ConfigureAwait(false);
        await stdout.WriteLineAsync("jenis,kode,nama,bawahan,tanpa_dki,tindak_lanjut_terlambat,belum_dki").ConfigureAwait(false);
        foreach (var u in KepatuhanDialog.PerUnit(data, perPemimpin))
        {
            await stdout.WriteLineAsync(Baris("unit", u.Unit.Kode, u.Unit.Nama, u.JumlahBawahan, u.TanpaDki, u.TindakLanjutTerlambat.Count)).ConfigureAwait(false);
        }

        foreach (var p in perPemimpin)
        {
            await stdout.WriteLineAsync(Baris("pimpinan", p.Pemimpin.Nip.Value, p.Pemimpin.Nama, p.JumlahBawahan, p.TanpaDki, p.TindakLanjutTerlambat.Count)).ConfigureAwait(false);
        }

        return KinerjaCli.ExitBerhasil;
    }

    private static string Baris(string jenis, string kode, string nama, int bawahan, IReadOnlyList<Pegawai> tanpa, int terlambat) =>
        string.Join(',', jenis, Csv(kode), Csv(nama), bawahan.ToString(CultureInfo.InvariantCulture), tanpa.Count.ToString(CultureInfo.InvariantCulture),
            terlambat.ToString(CultureInfo.InvariantCulture), Csv(string.Join("; ", tanpa.Select(p => p.Nama))));

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string? Lain(IReadOnlyDictionary<string, string> opsi, string[] boleh) =>
        opsi.Keys.FirstOrDefault(k => !boleh.Contains(k, StringComparer.Ordinal)) is { } asing ? $"opsi --{asing} tidak dikenal" : null;
}
