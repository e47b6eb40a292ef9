using System.Globalization;
using Kinerja.Domain;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Hosting.Cli;

/// <summary>
/// <c>penugasan</c>: the coordinators' verb for acting officials (domain.md §7: a Plt./Plh. may approve SKP for the
/// official they act for, inside the assignment's dates). <c>tambah</c> records one, <c>daftar</c> lists an office's,
/// <c>hapus</c> removes one. Every NIP must be in the office's data; the coordinator who sets it is recorded.
/// </summary>
internal static class PenugasanCli
{
    public const string Verb = "penugasan";

    public const string Pemakaian = """
          KinerjaBot penugasan tambah --kantor KODE --jenis plt|plh --pelaksana NIP --menggantikan NIP
                                      --mulai 2027-03-01 --selesai 2027-03-31 --ditetapkan-oleh NIP
          KinerjaBot penugasan daftar [--kantor KODE]
          KinerjaBot penugasan hapus --kantor KODE --id ID
              Penugasan Plt./Plh.: selama tanggalnya (termasuk hari pertama dan terakhir), pelaksana dapat
              menyetujui atau mengembalikan SKP bawahan pejabat yang digantikannya. --ditetapkan-oleh adalah NIP
              koordinator (Manajer Kinerja Pegawai) yang menetapkannya.
        """;

    private static readonly string[] OpsiTambah = ["kantor", "jenis", "pelaksana", "menggantikan", "mulai", "selesai", "ditetapkan-oleh"];

    /// <summary>Checks the sub-command and its options; null when they are right.</summary>
    public static string? Periksa(string? sub, IReadOnlyDictionary<string, string> opsi) => sub switch
    {
        "tambah" => OpsiTambah.FirstOrDefault(o => !opsi.ContainsKey(o)) is { } kurang
            ? $"penugasan tambah perlu --{kurang}"
            : Lain(opsi, OpsiTambah),
        "daftar" => Lain(opsi, ["kantor"]),
        "hapus" => !opsi.ContainsKey("kantor") || !opsi.ContainsKey("id") ? "penugasan hapus perlu --kantor dan --id" : Lain(opsi, ["kantor", "id"]),
        null => "penugasan perlu tambah, daftar atau hapus",
        _ => $"penugasan tidak mengenal '{sub}' (tambah, daftar, hapus)",
    };

    public static async Task<int> RunAsync(IKantorStore kantor, IKontrakStore kontrak, string sub, IReadOnlyDictionary<string, string> opsi,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, IKoordinatorKantor? koordinator = null)
    {
        switch (sub)
        {
            case "tambah":
                return await TambahAsync(kantor, kontrak, opsi, stdout, stderr, koordinator, cancellationToken).ConfigureAwait(false);
            case "hapus":
                var terhapus = await kontrak.HapusDelegasiAsync(opsi["kantor"], opsi["id"], cancellationToken).ConfigureAwait(false);
                await (terhapus ? stdout : stderr).WriteLineAsync(terhapus
                    ? $"Penugasan {opsi["id"]} dihapus."
                    : $"Penugasan {opsi["id"]} tidak ada di {opsi["kantor"]}.").ConfigureAwait(false);
                return terhapus ? KinerjaCli.ExitBerhasil : KinerjaCli.ExitGagal;
            default:
                var daftarKantor = opsi.TryGetValue("kantor", out var k) ? [k] : await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false);
                foreach (var kode in daftarKantor)
                {
                    var data = await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false);
                    var semua = await kontrak.DaftarDelegasiAsync(kode, cancellationToken).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"{kode}: {semua.Count.ToString(CultureInfo.InvariantCulture)} penugasan").ConfigureAwait(false);
                    foreach (var d in semua.OrderBy(d => d.Mulai))
                    {
                        await stdout.WriteLineAsync(
                            $"  {d.Id}  {Delegasi.Sebutan(d.Jenis)} {Nama(data, d.Pelaksana)} menggantikan {Nama(data, d.Digantikan)}, " +
                            $"{TanggalIndonesia.Format(d.Mulai)} s.d. {TanggalIndonesia.Format(d.Selesai)} (ditetapkan oleh {Nama(data, d.DitetapkanOleh)})").ConfigureAwait(false);
                    }
                }

                return KinerjaCli.ExitBerhasil;
        }
    }

    private static async Task<int> TambahAsync(IKantorStore kantor, IKontrakStore kontrak, IReadOnlyDictionary<string, string> opsi,
        TextWriter stdout, TextWriter stderr, IKoordinatorKantor? koordinator, CancellationToken cancellationToken)
    {
        var kode = opsi["kantor"];
        var data = await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            await stderr.WriteLineAsync($"Kantor {kode} belum diimpor.").ConfigureAwait(false);
            return KinerjaCli.ExitGagal;
        }

        var salah = new List<string>();
        var jenis = opsi["jenis"].ToLowerInvariant() switch
        {
            "plt" => JenisDelegasi.Plt,
            "plh" => JenisDelegasi.Plh,
            _ => (JenisDelegasi?)null,
        };
        if (jenis is null)
        {
            salah.Add($"--jenis '{opsi["jenis"]}' harus plt atau plh");
        }

        var pelaksana = Pegawai(data, opsi, "pelaksana", salah);
        var digantikan = Pegawai(data, opsi, "menggantikan", salah);
        var penetap = Pegawai(data, opsi, "ditetapkan-oleh", salah);
        var mulai = Tanggal(opsi, "mulai", salah);
        var selesai = Tanggal(opsi, "selesai", salah);
        if (penetap is { } t && koordinator is not null && !koordinator.Adalah(data, t.Nip))
        {
            salah.Add($"--ditetapkan-oleh: {t.Nama} bukan koordinator kinerja {kode} (Kinerja:Koordinator:Kantor:{kode}, atau kepala Subbagian/Bagian Umum)");
        }

        if (digantikan is { } g && data.Bawahan(g.Nip).Count == 0)
        {
            salah.Add($"--menggantikan: {g.Nama} tidak punya bawahan di data {kode}, jadi tidak ada SKP yang perlu disetujui atas namanya");
        }

        if (salah.Count > 0 || jenis is null || pelaksana is null || digantikan is null || penetap is null || mulai is null || selesai is null)
        {
            foreach (var s in salah)
            {
                await stderr.WriteLineAsync(s).ConfigureAwait(false);
            }

            return KinerjaCli.ExitArgumen;
        }

        Delegasi delegasi;
        try
        {
            var id = $"{jenis.Value.ToString().ToLowerInvariant()}-{digantikan.Nip.Value[..8]}-{mulai.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
            delegasi = new Delegasi(id, data.KodeKantor, pelaksana.Nip, digantikan.Nip, jenis.Value, mulai.Value, selesai.Value, penetap.Nip);
        }
        catch (DomainException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return KinerjaCli.ExitArgumen;
        }

        await kontrak.SimpanDelegasiAsync(delegasi, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync(
            $"Penugasan {delegasi.Id} disimpan: {Delegasi.Sebutan(delegasi.Jenis)} {pelaksana.Nama} menggantikan {digantikan.Nama}, " +
            $"{TanggalIndonesia.Format(delegasi.Mulai)} s.d. {TanggalIndonesia.Format(delegasi.Selesai)}.").ConfigureAwait(false);
        return KinerjaCli.ExitBerhasil;
    }

    private static Pegawai? Pegawai(DataKantor data, IReadOnlyDictionary<string, string> opsi, string nama, List<string> salah)
    {
        if (!Nip.TryParse(opsi[nama], out var nip, out var alasan))
        {
            salah.Add($"--{nama}: {alasan}");
            return null;
        }

        var pegawai = data.CariPegawai(nip);
        if (pegawai is null)
        {
            salah.Add($"--{nama}: NIP {nip.Tampilan} tidak ada di data {data.KodeKantor}");
        }

        return pegawai;
    }

    private static DateOnly? Tanggal(IReadOnlyDictionary<string, string> opsi, string nama, List<string> salah)
    {
        if (DateOnly.TryParseExact(opsi[nama], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        salah.Add($"--{nama} '{opsi[nama]}' bukan tanggal YYYY-MM-DD");
        return null;
    }

    private static string Nama(DataKantor? data, Nip nip) => data?.CariPegawai(nip)?.Nama ?? nip.Tampilan;

    private static string? Lain(IReadOnlyDictionary<string, string> opsi, string[] dikenal) =>
        opsi.Keys.FirstOrDefault(o => !dikenal.Contains(o, StringComparer.Ordinal)) is { } lain ? $"penugasan tidak mengenal opsi --{lain}" : null;
}
