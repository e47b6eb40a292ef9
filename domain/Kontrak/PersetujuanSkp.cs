using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace Kinerja.Domain.Kontrak;

/// <summary>
/// The approval workflow of one performance contract (SKP) for an owner and a year (domain.md §7):
/// <c>Draft → Diajukan → Disetujui | Dikembalikan (catatan wajib) → Diajukan …</c>, and for an approved contract an
/// <i>Adendum</i> that goes through the same approval while the approved version stays in force.
/// <para>
/// Kept apart from <see cref="KontrakKinerja"/> on purpose: the contract's IKU and targets are scoring data that an
/// import replaces wholesale, while this workflow state, its versions and its audit trail must survive re-imports.
/// </para>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>Versions are numbered from 1. Submitting a draft submits version 1; resubmitting after a return creates a
/// <see cref="JenisVersi.Perbaikan"/> version; an adendum creates an <see cref="JenisVersi.Adendum"/> version. So each
/// version is decided at most once, and a decision always names the version its card showed.</item>
/// <item>A decision on the current version that was already decided answers with that outcome and records nothing
/// (<see cref="JenisHasilKeputusan.SudahDiputuskan"/>: double click, re-sent invoke, two approvers at once); on an
/// older version it is refused (<see cref="JenisHasilKeputusan.VersiUsang"/>); any other illegal move throws
/// <see cref="TransisiTidakSahException"/>.</item>
/// <item><see cref="Revisi"/> counts the audit entries: every transition appends exactly one, so it is the optimistic
/// concurrency token of the store.</item>
/// </list>
/// </summary>
public sealed class PersetujuanSkp
{
    private readonly List<VersiSkp> _versi;
    private readonly List<CatatanAudit> _audit;

    private PersetujuanSkp(KunciSkp kunci, StatusSkp status, List<VersiSkp> versi, List<CatatanAudit> audit)
    {
        Kunci = kunci;
        Status = status;
        _versi = versi;
        _audit = audit;
        RevisiTersimpan = audit.Count;
    }

    public KunciSkp Kunci { get; }

    public StatusSkp Status { get; private set; }

    /// <summary>Number of transitions so far (audit entries): the concurrency token.</summary>
    public int Revisi => _audit.Count;

    /// <summary>The revision this object was loaded or created with; the store saves only on it.</summary>
    public int RevisiTersimpan { get; private set; }

    /// <summary>Entries appended since load, in order; what the store must append.</summary>
    public IReadOnlyList<CatatanAudit> CatatanBaru => _audit.GetRange(RevisiTersimpan, _audit.Count - RevisiTersimpan);

    public IReadOnlyList<VersiSkp> Versi => _versi;

    public VersiSkp VersiTerakhir => _versi[^1];

    /// <summary>The version in force: the latest approved one; null until the first approval.</summary>
    public VersiSkp? VersiBerlaku => _versi.LastOrDefault(v => v.DisetujuiPadaUtc is not null);

    /// <summary>The append-only audit trail, in order.</summary>
    public IReadOnlyList<CatatanAudit> JejakAudit => _audit;

    /// <summary>When the current submission was made (for "oldest first"); null unless <see cref="StatusSkp.Diajukan"/>.</summary>
    public DateTimeOffset? DiajukanPadaUtc => Status == StatusSkp.Diajukan ? _audit[^1].PadaUtc : null;

    /// <summary>The last return, while the contract is returned: what the owner must fix.</summary>
    public CatatanAudit? PengembalianTerakhir => Status == StatusSkp.Dikembalikan ? _audit[^1] : null;

    /// <summary>
    /// Returns in the current round: since the version in force (or since the start when none is). One or more means
    /// owner and supervisor disagree, and the atasan pejabat penilai may decide (see <see cref="OtorisasiSkp"/>).
    /// </summary>
    public int JumlahDikembalikanPutaranIni
    {
        get
        {
            var berlaku = VersiBerlaku?.Nomor ?? 0;
            return _audit.Count(a => a.Ke == StatusSkp.Dikembalikan && a.Versi > berlaku);
        }
    }

    /// <summary>
    /// Starts the workflow of a contract: version 1 in <paramref name="status"/> (a new draft, or the state an import
    /// seeds), with its audit entry. <paramref name="oleh"/> is null for an import.
    /// </summary>
    public static PersetujuanSkp Mulai(KunciSkp kunci, StatusSkp status, MomenKantor pada, Pelaku? oleh, Saluran saluran, string? catatan = null)
    {
        var versi = new VersiSkp(1, JenisVersi.Awal, [], null, pada.Utc)
        {
            DisetujuiPadaUtc = status == StatusSkp.Disetujui ? pada.Utc : null,
        };
        var skp = new PersetujuanSkp(kunci, status, [versi], []);
        skp._audit.Add(new CatatanAudit(1, oleh, null, null, pada.Utc, pada.ZonaWaktu, pada.TanggalLokal, null, status, 1, Bersih(catatan), saluran));
        return skp;
    }

    /// <summary>Rebuilds a stored workflow (the store's use). Checks that the parts agree.</summary>
    public static PersetujuanSkp Pulihkan(KunciSkp kunci, StatusSkp status, IEnumerable<VersiSkp> versi, IEnumerable<CatatanAudit> audit)
    {
        var v = versi.OrderBy(x => x.Nomor).ToList();
        var a = audit.OrderBy(x => x.Urutan).ToList();
        if (v.Count == 0 || a.Count == 0)
        {
            throw new DomainException($"SKP {kunci} tersimpan tanpa versi atau jejak audit");
        }

        for (var i = 0; i < v.Count; i++)
        {
            if (v[i].Nomor != i + 1)
            {
                throw new DomainException($"Versi SKP {kunci} tidak berurutan");
            }
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Urutan != i + 1)
            {
                throw new DomainException($"Jejak audit SKP {kunci} tidak berurutan");
            }
        }

        if (a[^1].Ke != status)
        {
            throw new DomainException($"Status SKP {kunci} ({status}) tidak sama dengan catatan audit terakhir ({a[^1].Ke})");
        }

        return new PersetujuanSkp(kunci, status, v, a);
    }

    /// <summary>After the store appended <see cref="CatatanBaru"/>: the object now stands on the stored revision.</summary>
    public void TandaiTersimpan() => RevisiTersimpan = _audit.Count;

    /// <summary>The owner submits (from Draft, or again after a return with the revised targets).</summary>
    public void Ajukan(Pelaku oleh, MomenKantor pada, bool pernyataanKesanggupanDiterima, Saluran saluran,
        IReadOnlyList<PerubahanTarget>? perbaikan = null, string? catatan = null)
    {
        ArgumentNullException.ThrowIfNull(oleh);
        if (Status is not (StatusSkp.Draft or StatusSkp.Dikembalikan))
        {
            throw Tolak(StatusSkp.Diajukan, "pengajuan hanya dari status Draft atau Dikembalikan");
        }

        PastikanPemilik(oleh, "mengajukan");
        PastikanPernyataan(pernyataanKesanggupanDiterima);
        var perubahan = Periksa(perbaikan ?? []);
        var nomor = VersiTerakhir.Nomor;
        if (Status == StatusSkp.Draft && perubahan.Count > 0)
        {
            // A draft was never decided: its changes (against the imported targets) belong to version 1 itself.
            _versi[^1] = _versi[^1] with { Perubahan = [.. VersiTerakhir.Perubahan.Where(l => !perubahan.Exists(p => p.SamaTempat(l))), .. perubahan], Alasan = Bersih(catatan) ?? VersiTerakhir.Alasan };
        }

        if (Status == StatusSkp.Dikembalikan)
        {
            nomor++;
            _versi.Add(new VersiSkp(nomor, JenisVersi.Perbaikan, perubahan, Bersih(catatan), pada.Utc));
        }

        Catat(oleh, null, null, pada, StatusSkp.Diajukan, nomor, Bersih(catatan), saluran);
    }

    /// <summary>The owner proposes changed targets for an approved contract; the approved version stays in force.</summary>
    public void AjukanAdendum(Pelaku oleh, MomenKantor pada, IReadOnlyList<PerubahanTarget> perubahan, string alasan,
        bool pernyataanKesanggupanDiterima, Saluran saluran)
    {
        ArgumentNullException.ThrowIfNull(oleh);
        ArgumentNullException.ThrowIfNull(perubahan);
        if (Status != StatusSkp.Disetujui)
        {
            throw Tolak(StatusSkp.Diajukan, "adendum hanya untuk SKP yang sudah disetujui");
        }

        PastikanPemilik(oleh, "mengajukan adendum");
        PastikanPernyataan(pernyataanKesanggupanDiterima);
        var daftar = Periksa(perubahan);
        if (daftar.Count == 0)
        {
            throw new DomainException("Adendum harus mengubah paling sedikit satu target");
        }

        if (Bersih(alasan) is not { } a)
        {
            throw new DomainException("Alasan adendum wajib diisi");
        }

        var nomor = VersiTerakhir.Nomor + 1;
        _versi.Add(new VersiSkp(nomor, JenisVersi.Adendum, daftar, a, pada.Utc));
        Catat(oleh, null, null, pada, StatusSkp.Diajukan, nomor, a, saluran);
    }

    /// <summary>Approves version <paramref name="versi"/> (the one the approver saw).</summary>
    public HasilKeputusan Setujui(IzinPemutus izin, MomenKantor pada, int versi, Saluran saluran) =>
        Putuskan(izin, pada, versi, StatusSkp.Disetujui, null, saluran);

    /// <summary>Returns version <paramref name="versi"/> to the owner with a required note.</summary>
    public HasilKeputusan Kembalikan(IzinPemutus izin, MomenKantor pada, int versi, string catatan, Saluran saluran)
    {
        if (Bersih(catatan) is not { } c)
        {
            throw new DomainException("Catatan wajib diisi saat mengembalikan SKP: tuliskan apa yang perlu diperbaiki");
        }

        return Putuskan(izin, pada, versi, StatusSkp.Dikembalikan, c, saluran);
    }

    /// <summary>The outcome of a version, as the user reads it: "SKP ini sudah disetujui oleh … pada …".</summary>
    public static string PesanKeputusan(CatatanAudit keputusan, bool sudah)
    {
        ArgumentNullException.ThrowIfNull(keputusan);
        var kata = keputusan.Ke == StatusSkp.Disetujui ? "disetujui" : "dikembalikan";
        var oleh = keputusan.Oleh is null ? "impor data kantor" : NamaPemutus(keputusan);
        var teks = $"SKP ini {(sudah ? "sudah " : "")}{kata} oleh {oleh} pada {TanggalIndonesia.Format(keputusan.TanggalLokal)}";
        return keputusan.Catatan is { } c && keputusan.Ke == StatusSkp.Dikembalikan ? $"{teks} dengan catatan: {c}" : teks + ".";
    }

    public static string NamaStatus(StatusSkp status) => status switch
    {
        StatusSkp.Draft => "Draft",
        StatusSkp.Diajukan => "Diajukan",
        StatusSkp.Disetujui => "Disetujui",
        StatusSkp.Dikembalikan => "Dikembalikan",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string NamaPemutus(CatatanAudit c) => c.AtasNama is { } an && c.Oleh is { } o
        ? $"{o.Nama} ({(c.Peran == PeranPemutus.PelaksanaAtasan ? "Plt./Plh." : "a.n.")} {an.Nama})"
        : c.Oleh!.Nama;

    private HasilKeputusan Putuskan(IzinPemutus izin, MomenKantor pada, int versi, StatusSkp ke, string? catatan, Saluran saluran)
    {
        ArgumentNullException.ThrowIfNull(izin);
        if (izin.Kunci != Kunci)
        {
            throw new DomainException($"Izin untuk SKP {izin.Kunci} tidak berlaku untuk SKP {Kunci}");
        }

        var terakhir = VersiTerakhir.Nomor;
        if (versi < 1 || versi > terakhir)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Versi {versi} tidak ada; versi terakhir SKP ini {terakhir}"));
        }

        // A card of a version that has been replaced (a revision, an adendum) is refused: the approver must see the
        // current card. Every older version was decided already; that outcome travels along for the message.
        var putusan = _audit.FindLast(a => a.Keputusan && a.Versi == versi);
        if (versi < terakhir)
        {
            return new HasilKeputusan(JenisHasilKeputusan.VersiUsang, Status, terakhir, putusan, string.Create(CultureInfo.InvariantCulture,
                $"Keputusan untuk versi {versi} tidak diproses: SKP ini sudah berubah menjadi versi {terakhir} (status {NamaStatus(Status)}). Lihat kartu terbaru."));
        }

        // The current version is decided at most once: the same click again, or another approver's click on the same
        // card, learns the outcome instead of changing it.
        if (putusan is not null)
        {
            return new HasilKeputusan(JenisHasilKeputusan.SudahDiputuskan, Status, terakhir, putusan, PesanKeputusan(putusan, sudah: true));
        }

        if (Status != StatusSkp.Diajukan)
        {
            throw Tolak(ke, "keputusan hanya untuk SKP yang berstatus Diajukan");
        }

        if (ke == StatusSkp.Disetujui)
        {
            _versi[^1] = _versi[^1] with { DisetujuiPadaUtc = pada.Utc };
        }

        var c = Catat(izin.Oleh, izin.AtasNama, izin.Peran, pada, ke, versi, catatan, saluran);
        return new HasilKeputusan(JenisHasilKeputusan.Berhasil, Status, terakhir, c, PesanKeputusan(c, sudah: false));
    }

    private CatatanAudit Catat(Pelaku oleh, Pelaku? atasNama, PeranPemutus? peran, MomenKantor pada, StatusSkp ke, int versi, string? catatan, Saluran saluran)
    {
        if (pada.Utc < _audit[^1].PadaUtc)
        {
            throw new DomainException($"Waktu {pada.Utc:O} lebih awal dari catatan audit terakhir ({_audit[^1].PadaUtc:O})");
        }

        var c = new CatatanAudit(_audit.Count + 1, oleh, atasNama, peran, pada.Utc, pada.ZonaWaktu, pada.TanggalLokal, Status, ke, versi, catatan, saluran);
        _audit.Add(c);
        Status = ke;
        return c;
    }

    private TransisiTidakSahException Tolak(StatusSkp ke, string alasan) =>
        new(Status, ke, $"SKP {Kunci.Pemilik} tahun {Kunci.Tahun.ToString(CultureInfo.InvariantCulture)} tidak dapat berpindah dari status " +
                        $"{NamaStatus(Status)} ke {NamaStatus(ke)}: {alasan}");

    private void PastikanPemilik(Pelaku oleh, string tindakan)
    {
        if (oleh.Nip != Kunci.Pemilik)
        {
            throw new DomainException($"Hanya pemilik SKP yang dapat {tindakan}");
        }
    }

    private static void PastikanPernyataan(bool diterima)
    {
        if (!diterima)
        {
            throw new DomainException("Centang Pernyataan Kesanggupan sebelum mengajukan SKP");
        }
    }

    private static List<PerubahanTarget> Periksa(IReadOnlyList<PerubahanTarget> perubahan)
    {
        var daftar = perubahan.ToList();
        var ganda = daftar.GroupBy(p => (p.KodeIku.ToUpperInvariant(), p.Triwulan)).FirstOrDefault(g => g.Count() > 1);
        if (ganda is not null)
        {
            throw new DomainException($"Target IKU {ganda.First().KodeIku} TW{ganda.Key.Triwulan} diubah lebih dari sekali");
        }

        return daftar;
    }

    /// <summary>
    /// The longest note or reason (a return note, an adendum's reason, a revision's note) the workflow keeps: the card's
    /// input stops there already; any other way in (a chat command, an import) is refused, so an audit line never outgrows
    /// what every store holds (docs/storage.md "Limits").
    /// </summary>
    public const int CatatanMaksimal = 1000;

    private static string? Bersih(string? teks)
    {
        if (string.IsNullOrWhiteSpace(teks))
        {
            return null;
        }

        var t = teks.Trim();
        return t.Length <= CatatanMaksimal
            ? t
            : throw new DomainException(string.Create(CultureInfo.GetCultureInfo("id-ID"),
                $"Catatan terlalu panjang: {t.Length:N0} karakter, paling banyak {CatatanMaksimal:N0}. Persingkat catatannya."));
    }
}
