using System.Globalization;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Entra;

/// <summary>How an employee was found in the directory.</summary>
public enum CaraCocok
{
    /// <summary>The account's <c>employeeId</c> is the NIP.</summary>
    EmployeeId,

    /// <summary>The account's <c>mail</c> or <c>userPrincipalName</c> is the employee's e-mail in the office data.</summary>
    Email,
}

/// <summary>What differs between the office data and the directory.</summary>
public enum JenisSelisih
{
    /// <summary>No account carries the employee's NIP or e-mail.</summary>
    TidakDitemukanDiDirektori,

    /// <summary>Several accounts carry it: none is linked until the directory is put right.</summary>
    GandaDiDirektori,

    /// <summary>The office data names an atasan, the directory no manager.</summary>
    TanpaManajer,

    /// <summary>The directory's manager is not the atasan of the office data.</summary>
    ManajerBerbeda,
}

/// <summary>An employee found in the directory.</summary>
public sealed record PegawaiDitemukan(Nip Nip, string Nama, AkunDirektori Akun, CaraCocok Cara);

/// <summary>One difference: the employee, their atasan in the office data, the manager in Entra ID, and the kind.</summary>
public sealed record SelisihDirektori(Nip Nip, string Nama, Nip? NipAtasan, string? NamaAtasan, AkunDirektori? Manajer, JenisSelisih Jenis);

/// <summary>The outcome of one office's sync: who was found and linked, and every difference.</summary>
public sealed record LaporanSinkronDirektori(
    string KodeKantor,
    int JumlahPegawai,
    IReadOnlyList<PegawaiDitemukan> Ditemukan,
    int DitautkanBaru,
    IReadOnlyList<SelisihDirektori> Selisih)
{
    /// <summary>The report as coordinators read it, in Bahasa Indonesia, one line each.</summary>
    public IEnumerable<string> Baris()
    {
        var lewatNip = Ditemukan.Count(d => d.Cara == CaraCocok.EmployeeId);
        yield return $"Sinkronisasi direktori {KodeKantor}: {Angka(JumlahPegawai)} pegawai, {Angka(Ditemukan.Count)} ditemukan di Entra ID "
                     + $"({Angka(lewatNip)} lewat NIP/employeeId, {Angka(Ditemukan.Count - lewatNip)} lewat email), "
                     + $"{Angka(DitautkanBaru)} tautan akun Teams baru atau diperbarui.";
        if (Selisih.Count == 0)
        {
            yield return "Tidak ada selisih: setiap pegawai ditemukan dan manajernya di Entra ID sama dengan atasan di data kantor.";
        }
        else
        {
            yield return $"Selisih ({Angka(Selisih.Count)}):";
            foreach (var s in Selisih)
            {
                yield return "  " + Uraian(s);
            }
        }

        yield return "Data kantor tetap menjadi acuan: tidak ada yang diubah di Entra ID maupun di data kantor.";
    }

    private static string Uraian(SelisihDirektori s)
    {
        var pegawai = $"{s.Nip.Value} {s.Nama}";
        var atasan = s.NipAtasan is { } n ? $"{n.Value} {s.NamaAtasan}".TrimEnd() : "-";
        var manajer = s.Manajer is { } m ? $"{m.NamaTampilan ?? m.Id}{(m.Email ?? m.UserPrincipalName) switch { { } e => $" <{e}>", _ => "" }}" : "-";
        return s.Jenis switch
        {
            JenisSelisih.TidakDitemukanDiDirektori => $"{pegawai}: tidak ditemukan di Entra ID (NIP maupun email); atasan di data kantor: {atasan}.",
            JenisSelisih.GandaDiDirektori => $"{pegawai}: lebih dari satu akun Entra ID memakai NIP atau email ini; tidak ditautkan.",
            JenisSelisih.TanpaManajer => $"{pegawai}: tidak punya manajer di Entra ID; atasan di data kantor: {atasan}.",
            _ => $"{pegawai}: manajer di Entra ID {manajer}, atasan di data kantor {atasan}.",
        };
    }

    private static string Angka(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Matches an office's employees to directory accounts and checks the supervisor chain: first by NIP
/// (<c>employeeId</c>), then, for those not found, by e-mail against <c>mail</c> or <c>userPrincipalName</c>.
/// Each match is remembered in <see cref="IPenggunaStore"/> (so "nilai saya" needs no connector look-up), with the
/// employee's e-mail of the office data, which is what the resolver checks it against later. Then each found
/// employee's manager is compared with their <c>nip_atasan</c>. The office data is the source of truth: differences
/// are reported, nothing is changed on either side.
/// Note: Entra ID documents <c>employeeId</c> as at most 16 characters while a NIP has 18; a tenant that could not
/// store NIPs there is matched by e-mail.
/// </summary>
public sealed partial class SinkronDirektori(
    IKantorStore kantor,
    IPenggunaStore pengguna,
    IDirectory direktori,
    TimeProvider time,
    ILogger<SinkronDirektori> logger)
{
    public async Task<LaporanSinkronDirektori> SinkronAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        var data = await kantor.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false)
                   ?? throw new InvalidOperationException($"Kantor {kodeKantor} tidak ada di basis data.");
        var semua = data.Pegawai;

        var akunPegawai = new Dictionary<Nip, (AkunDirektori Akun, CaraCocok Cara)>();
        var ganda = new HashSet<Nip>();

        // 1. By NIP. Graph compares case-insensitively; the NIP is digits, possibly written with spaces.
        var byNip = await direktori.CariByEmployeeIdAsync([.. semua.Select(p => p.Nip.Value)], cancellationToken).ConfigureAwait(false);
        foreach (var grup in byNip.Where(a => a.EmployeeId is not null).GroupBy(a => a.EmployeeId!.Replace(" ", "", StringComparison.Ordinal).Trim()))
        {
            if (!Nip.TryParse(grup.Key, out var nip, out _) || data.CariPegawai(nip) is null)
            {
                continue;
            }

            var akun = grup.DistinctBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToList();
            if (akun.Count > 1)
            {
                ganda.Add(nip);
            }
            else
            {
                akunPegawai[nip] = (akun[0], CaraCocok.EmployeeId);
            }
        }

        // 2. By e-mail, for the rest.
        var sisa = semua.Where(p => !akunPegawai.ContainsKey(p.Nip) && !ganda.Contains(p.Nip) && !string.IsNullOrWhiteSpace(p.Email)).ToList();
        if (sisa.Count > 0)
        {
            var byEmail = await direktori.CariByEmailAsync([.. sisa.Select(p => p.Email.Trim())], cancellationToken).ConfigureAwait(false);
            foreach (var p in sisa)
            {
                var akun = byEmail.Where(a => SamaEmail(a.Email, p.Email) || SamaEmail(a.UserPrincipalName, p.Email))
                    .DistinctBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToList();
                if (akun.Count > 1)
                {
                    ganda.Add(p.Nip);
                }
                else if (akun.Count == 1)
                {
                    akunPegawai[p.Nip] = (akun[0], CaraCocok.Email);
                }
            }
        }

        // 3. Remember each match, unless it is already remembered as it is.
        var baru = 0;
        foreach (var p in semua)
        {
            if (!akunPegawai.TryGetValue(p.Nip, out var cocok))
            {
                continue;
            }

            var lama = await pengguna.CariAsync(cocok.Akun.Id, cancellationToken).ConfigureAwait(false);
            if (lama is not null && lama.Nip == p.Nip && string.Equals(lama.KodeKantor, data.KodeKantor, StringComparison.OrdinalIgnoreCase)
                && string.Equals(lama.Email, p.Email, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await pengguna.SimpanAsync(new PenggunaTerkait(cocok.Akun.Id, data.KodeKantor, p.Nip, p.Email, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            baru++;
        }

        // 4. The supervisor chain, in the office's order.
        var selisih = new List<SelisihDirektori>();
        foreach (var p in semua)
        {
            var atasan = p.NipAtasan is { } na ? data.CariPegawai(na) : null;
            if (ganda.Contains(p.Nip))
            {
                selisih.Add(new SelisihDirektori(p.Nip, p.Nama, p.NipAtasan, atasan?.Nama, null, JenisSelisih.GandaDiDirektori));
                continue;
            }

            if (!akunPegawai.TryGetValue(p.Nip, out var cocok))
            {
                selisih.Add(new SelisihDirektori(p.Nip, p.Nama, p.NipAtasan, atasan?.Nama, null, JenisSelisih.TidakDitemukanDiDirektori));
                continue;
            }

            if (p.NipAtasan is not { } nipAtasan)
            {
                // The head of the office: their manager sits outside this office's data (the Kanwil), nothing to compare.
                continue;
            }

            var manajer = await direktori.ManajerAsync(cocok.Akun.Id, cancellationToken).ConfigureAwait(false);
            if (manajer is null)
            {
                selisih.Add(new SelisihDirektori(p.Nip, p.Nama, nipAtasan, atasan?.Nama, null, JenisSelisih.TanpaManajer));
            }
            else if (!AdalahAtasan(manajer, nipAtasan, atasan, akunPegawai))
            {
                selisih.Add(new SelisihDirektori(p.Nip, p.Nama, nipAtasan, atasan?.Nama, manajer, JenisSelisih.ManajerBerbeda));
            }
        }

        var laporan = new LaporanSinkronDirektori(data.KodeKantor, semua.Count,
            [.. semua.Where(p => akunPegawai.ContainsKey(p.Nip)).Select(p => new PegawaiDitemukan(p.Nip, p.Nama, akunPegawai[p.Nip].Akun, akunPegawai[p.Nip].Cara))],
            baru, selisih);
        Log.Synced(logger, data.KodeKantor, semua.Count, laporan.Ditemukan.Count, baru, selisih.Count);
        return laporan;
    }

    /// <summary>The directory's manager is the office data's atasan: same account, same NIP, or same e-mail.</summary>
    private static bool AdalahAtasan(AkunDirektori manajer, Nip nipAtasan, Pegawai? atasan, Dictionary<Nip, (AkunDirektori Akun, CaraCocok Cara)> akunPegawai)
    {
        if (akunPegawai.TryGetValue(nipAtasan, out var akunAtasan) && string.Equals(akunAtasan.Akun.Id, manajer.Id, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (manajer.EmployeeId is { } employeeId && Nip.TryParse(employeeId, out var nipManajer, out _) && nipManajer == nipAtasan)
        {
            return true;
        }

        return atasan is not null && (SamaEmail(manajer.Email, atasan.Email) || SamaEmail(manajer.UserPrincipalName, atasan.Email));
    }

    private static bool SamaEmail(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5110, Level = LogLevel.Information,
            Message = "Directory sync of {KodeKantor}: {Employees} employees, {Found} found, {Linked} links saved, {Differences} differences")]
        public static partial void Synced(ILogger logger, string kodeKantor, int employees, int found, int linked, int differences);
    }
}
