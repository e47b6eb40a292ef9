using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Salin;

/// <summary>Offices (<see cref="IKantorStore"/>): units, people, contracts with IKU, targets and realisations, behaviour scores.</summary>
public sealed class PenyalinKantor : PenyalinStore<DataKantor>
{
    public override string Port => "kantor";

    public override int Urutan => 0;

    protected override async IAsyncEnumerable<DataKantor> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = store.GetRequiredService<IKantorStore>();
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false) is { } data)
            {
                yield return data;
            }
        }
    }

    protected override Task TulisAsync(IServiceProvider store, DataKantor item, CancellationToken cancellationToken) =>
        store.GetRequiredService<IKantorStore>().SimpanAsync(item, cancellationToken);

    protected override string Kunci(DataKantor item) => item.KodeKantor.Trim().ToUpperInvariant();

    protected override string Sidik(DataKantor item)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var u in item.Unit)
        {
            sb.AppendLine(c, $"u {u.Kode}|{u.Nama}|{u.KodeInduk}|{u.Level}|{u.ZonaWaktu.IanaId}");
        }

        foreach (var p in item.Pegawai)
        {
            sb.AppendLine(c, $"p {p.Nip}|{p.Nama}|{p.Email}|{p.Jabatan}|{p.KodeUnit}|{p.NipAtasan}|{p.KepalaUnit}|{p.TanggalMulai?.ToString("yyyy-MM-dd", c)}");
        }

        foreach (var k in item.Kontrak.OrderBy(k => k.Tahun).ThenBy(k => k.Pemilik.Value, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"k {k.Tahun}|{k.Pemilik}|{k.Status}");
            foreach (var i in k.Iku)
            {
                sb.Append(c, $" i {i.Kode}|{i.Nama}|{i.Perspektif}|{i.SasaranStrategis}|{i.Bobot.Nilai}|{i.Polaritas}|{i.Konsolidasi}|{i.Satuan}");
                for (var tw = 1; tw <= 4; tw++)
                {
                    sb.Append(c, $"|{i.TargetTriwulan(tw)?.Nilai}/{i.TargetTriwulan(tw)?.Atas}/{i.RealisasiTriwulan(tw)}");
                }

                sb.AppendLine();
            }
        }

        foreach (var p in item.Perilaku.OrderBy(p => p.Tahun).ThenBy(p => p.Nip.Value, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"b {p.Tahun}|{p.Nip}|{p.Nilai}|{p.Pengurang}");
        }

        // Data order within an owner's year is kept (it is the order of the contract), so it is part of the fingerprint.
        foreach (var (tahun, pemilik, i) in item.SemuaInisiatif.OrderBy(i => i.Tahun).ThenBy(i => i.Pemilik.Value, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"s {tahun}|{pemilik}|{i.SasaranStrategis}|{i.Nama}|{i.ProgresPersen}|{i.Tenggat?.ToString("yyyy-MM-dd", c)}|{i.Keterangan}");
        }

        return sb.ToString();
    }

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(DataKantor item) =>
    [
        ("kantor", 1), ("unit", item.Unit.Count), ("pegawai", item.Pegawai.Count), ("kontrak kinerja", item.Kontrak.Count()),
        ("iku", item.Kontrak.Sum(k => k.Iku.Count)), ("nilai perilaku", item.Perilaku.Count()),
        ("inisiatif", item.SemuaInisiatif.Count()),
    ];

    protected override IEnumerable<string> ContohEntitas() => ["kantor", "unit", "pegawai", "kontrak kinerja", "iku", "nilai perilaku", "inisiatif"];
}

/// <summary>SKP workflows (<see cref="IKontrakStore"/> through <see cref="ISalinanKontrak"/>): state, versions, the whole audit trail.</summary>
public sealed class PenyalinAlurSkp : PenyalinStore<PersetujuanSkp>
{
    public override string Port => "alur-skp";

    public override int Urutan => 10;

    protected override IAsyncEnumerable<PersetujuanSkp> BacaAsync(IServiceProvider store, CancellationToken cancellationToken) =>
        Salinan(store).SemuaAlurAsync(cancellationToken);

    protected override Task TulisAsync(IServiceProvider store, PersetujuanSkp item, CancellationToken cancellationToken) =>
        Salinan(store).TulisUtuhAsync(item, cancellationToken);

    protected override string Kunci(PersetujuanSkp item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Kunci.KodeKantor.ToUpperInvariant()}|{item.Kunci.Tahun}|{item.Kunci.Pemilik}");

    protected override string Sidik(PersetujuanSkp item)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().AppendLine(c, $"{item.Status}|{item.Revisi}");
        foreach (var v in item.Versi)
        {
            sb.AppendLine(c, $"v {v.Nomor}|{v.Jenis}|{v.Alasan}|{Waktu(v.DibuatPadaUtc)}|{Waktu(v.DisetujuiPadaUtc)}");
            foreach (var p in v.Perubahan)
            {
                sb.AppendLine(c, $"  {p.KodeIku}|{p.Triwulan}|{p.Target.Nilai}|{p.Target.Atas}");
            }
        }

        foreach (var a in item.JejakAudit)
        {
            sb.AppendLine(c, $"a {a.Urutan}|{a.Oleh}|{a.AtasNama}|{a.Peran}|{Waktu(a.PadaUtc)}|{a.ZonaWaktu}|{a.TanggalLokal:yyyy-MM-dd}|{a.Dari}|{a.Ke}|{a.Versi}|{a.Catatan}|{a.Saluran}");
        }

        return sb.ToString();
    }

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(PersetujuanSkp item) =>
        [("alur skp", 1), ("versi skp", item.Versi.Count), ("jejak audit", item.JejakAudit.Count)];

    protected override IEnumerable<string> ContohEntitas() => ["alur skp", "versi skp", "jejak audit"];

    private static ISalinanKontrak Salinan(IServiceProvider store) =>
        store.GetRequiredService<IKontrakStore>() as ISalinanKontrak
        ?? throw new InvalidOperationException("Store kontrak ini tidak dapat disalin (tidak menerapkan ISalinanKontrak).");
}

/// <summary>Plt./Plh. assignments (<see cref="IKontrakStore"/>).</summary>
public sealed class PenyalinDelegasi : PenyalinStore<Delegasi>
{
    public override string Port => "delegasi";

    public override int Urutan => 11;

    protected override IAsyncEnumerable<Delegasi> BacaAsync(IServiceProvider store, CancellationToken cancellationToken) =>
        (store.GetRequiredService<IKontrakStore>() as ISalinanKontrak
         ?? throw new InvalidOperationException("Store kontrak ini tidak dapat disalin (tidak menerapkan ISalinanKontrak).")).SemuaDelegasiAsync(cancellationToken);

    protected override Task TulisAsync(IServiceProvider store, Delegasi item, CancellationToken cancellationToken) =>
        store.GetRequiredService<IKontrakStore>().SimpanDelegasiAsync(item, cancellationToken);

    protected override string Kunci(Delegasi item) => $"{item.KodeKantor.ToUpperInvariant()}|{item.Id}";

    protected override string Sidik(Delegasi item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Pelaksana}|{item.Digantikan}|{item.Jenis}|{item.Mulai:yyyy-MM-dd}|{item.Selesai:yyyy-MM-dd}|{item.DitetapkanOleh}");

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(Delegasi item) => [("delegasi", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["delegasi"];
}

/// <summary>Teams users linked to employees (<see cref="IPenggunaStore"/> through <see cref="ISalinanPengguna"/>).</summary>
public sealed class PenyalinPengguna : PenyalinStore<PenggunaTerkait>
{
    public override string Port => "pengguna";

    public override int Urutan => 20;

    protected override IAsyncEnumerable<PenggunaTerkait> BacaAsync(IServiceProvider store, CancellationToken cancellationToken) =>
        (store.GetRequiredService<IPenggunaStore>() as ISalinanPengguna
         ?? throw new InvalidOperationException("Store pengguna ini tidak dapat disalin (tidak menerapkan ISalinanPengguna).")).SemuaAsync(cancellationToken);

    protected override Task TulisAsync(IServiceProvider store, PenggunaTerkait item, CancellationToken cancellationToken) =>
        store.GetRequiredService<IPenggunaStore>().SimpanAsync(item, cancellationToken);

    protected override string Kunci(PenggunaTerkait item) => item.AadObjectId;

    protected override string Sidik(PenggunaTerkait item) =>
        $"{item.KodeKantor.ToUpperInvariant()}|{item.Nip}|{item.Email}|{Waktu(item.DikaitkanPada)}";

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(PenggunaTerkait item) => [("pengguna terkait", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["pengguna terkait"];
}

/// <summary>
/// What is known about reaching each person (<see cref="IPercakapanStore"/>): written through the port's own rules
/// (reference, locale, refusal, each with its event time), so the target decides exactly as the source did.
/// </summary>
public sealed class PenyalinPercakapan : PenyalinStore<Percakapan>
{
    public override string Port => "percakapan";

    public override int Urutan => 30;

    protected override async IAsyncEnumerable<Percakapan> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var percakapan = store.GetRequiredService<IPercakapanStore>();
        var salinan = percakapan as ISalinanPercakapan
                      ?? throw new InvalidOperationException("Store percakapan ini tidak dapat disalin (tidak menerapkan ISalinanPercakapan).");
        await foreach (var aad in salinan.SemuaAadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await percakapan.CariAsync(aad, cancellationToken).ConfigureAwait(false) is { } p)
            {
                yield return p;
            }
        }
    }

    protected override async Task TulisAsync(IServiceProvider store, Percakapan item, CancellationToken cancellationToken)
    {
        var percakapan = store.GetRequiredService<IPercakapanStore>();
        if (item.Referensi is { } referensi)
        {
            await percakapan.SimpanReferensiAsync(referensi, cancellationToken).ConfigureAwait(false);
        }

        if (item.Lokal is { } lokal)
        {
            await percakapan.SimpanLokalAsync(item.AadObjectId, lokal, cancellationToken).ConfigureAwait(false);
        }

        if (item.TidakTerjangkau is { } tidak)
        {
            await percakapan.TandaiTidakTerjangkauAsync(item.AadObjectId, tidak, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override string Kunci(Percakapan item) => item.AadObjectId.Trim().ToLowerInvariant();

    protected override string Sidik(Percakapan item)
    {
        var r = item.Referensi;
        var l = item.Lokal;
        var t = item.TidakTerjangkau;
        return $"{r?.ServiceUrl}|{r?.ConversationId}|{r?.TenantId}|{r?.UserId}|{r?.BotId}|{r?.ChannelId}|{Waktu(r?.DiperbaruiPada)}|{Waktu(r?.DihapusPada)}"
               + $"|{l?.Locale}|{l?.ZonaWaktu}|{Waktu(l?.DiperbaruiPada)}|{t?.Alasan}|{t?.KodeGalat}|{Waktu(t?.Pada)}";
    }

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(Percakapan item) => [("percakapan", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["percakapan"];
}

/// <summary>SKP cards in people's chats (<see cref="IKartuSkpStore"/>), found through the offices' contracts.</summary>
public sealed class PenyalinKartuSkp : PenyalinStore<KartuSkp>
{
    public override string Port => "kartu-skp";

    public override int Urutan => 40;

    protected override async IAsyncEnumerable<KartuSkp> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = store.GetRequiredService<IKantorStore>();
        var kartu = store.GetRequiredService<IKartuSkpStore>();
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false) is not { } data)
            {
                continue;
            }

            foreach (var k in data.Kontrak)
            {
                foreach (var item in await kartu.DaftarAsync(new KunciSkp(data.KodeKantor, k.Tahun, k.Pemilik), cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    protected override Task TulisAsync(IServiceProvider store, KartuSkp item, CancellationToken cancellationToken) =>
        store.GetRequiredService<IKartuSkpStore>().IngatAsync(item, cancellationToken);

    protected override string Kunci(KartuSkp item) => $"{item.ConversationId}|{item.ActivityId}";

    protected override string Sidik(KartuSkp item) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{item.Kunci.KodeKantor.ToUpperInvariant()}|{item.Kunci.Tahun}|{item.Kunci.Pemilik}|{item.AadObjectId}|{item.UserId}|{item.ServiceUrl}|{Waktu(item.DiingatPada)}");

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(KartuSkp item) => [("kartu skp", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["kartu skp"];
}
