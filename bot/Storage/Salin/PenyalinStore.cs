using System.Globalization;

namespace KinerjaBot.Storage.Salin;

/// <summary>How many entities of one kind: in the source, copied by this run, in the target afterwards, and how many
/// of the source's are in the target with the same content afterwards (the verification).</summary>
public sealed record JumlahSalin(string Entitas, int Sumber, int Disalin, int Tujuan, int Cocok)
{
    /// <summary>Every entity of the source is in the target, unchanged.</summary>
    public bool Terverifikasi => Cocok == Sumber;
}

/// <summary>One port's part of a <c>store copy</c>.</summary>
public sealed record LaporanSalin(string Port, IReadOnlyList<JumlahSalin> Jumlah, IReadOnlyList<string> Berbeda)
{
    public bool Terverifikasi => Jumlah.All(j => j.Terverifikasi);
}

/// <summary>
/// Copies one port's data from one store to another (<c>store copy</c>, docs/storage.md "Moving an office between
/// stores"). One small copier per port, registered in DI as <see cref="IPenyalinStore"/>: a port added later brings its
/// own copier and the command copies it too. <see cref="Urutan"/> orders them (offices first: other ports refer to them).
/// </summary>
public interface IPenyalinStore
{
    /// <summary>The port's name in the report (<c>kantor</c>, <c>alur-skp</c>, …).</summary>
    string Port { get; }

    /// <summary>Lower runs first.</summary>
    int Urutan { get; }

    /// <summary>
    /// Copies what the target lacks or holds differently, then reads the target again and counts per entity what
    /// arrived unchanged. Idempotent: a second run copies nothing and verifies again.
    /// </summary>
    Task<LaporanSalin> SalinAsync(IServiceProvider dari, IServiceProvider ke, CancellationToken cancellationToken);
}

/// <summary>
/// The shape of most copiers: read every item of a port on both sides, write the ones whose content (<see cref="Sidik"/>)
/// differs or is missing, read the target again and compare. A subclass says how to read, write, key, fingerprint and
/// count one item.
/// </summary>
/// <typeparam name="T">One item of the port (an office, a workflow, a linked user…).</typeparam>
public abstract class PenyalinStore<T> : IPenyalinStore
{
    public abstract string Port { get; }

    public abstract int Urutan { get; }

    /// <summary>Every item of the port in <paramref name="store"/>.</summary>
    protected abstract IAsyncEnumerable<T> BacaAsync(IServiceProvider store, CancellationToken cancellationToken);

    /// <summary>Writes one item as it is (an upsert: a retried write changes nothing).</summary>
    protected abstract Task TulisAsync(IServiceProvider store, T item, CancellationToken cancellationToken);

    /// <summary>The item's identity (the same on both adapters).</summary>
    protected abstract string Kunci(T item);

    /// <summary>Everything the item holds as text: equal text, equal content.</summary>
    protected abstract string Sidik(T item);

    /// <summary>The entities one item counts as (an office: 1 office, its units, people, contracts…).</summary>
    protected abstract IEnumerable<(string Entitas, int Jumlah)> Hitung(T item);

    public async Task<LaporanSalin> SalinAsync(IServiceProvider dari, IServiceProvider ke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dari);
        ArgumentNullException.ThrowIfNull(ke);
        var sumber = await SemuaAsync(dari, cancellationToken).ConfigureAwait(false);
        var tujuan = await SemuaAsync(ke, cancellationToken).ConfigureAwait(false);
        var disalin = new List<T>();
        foreach (var (kunci, item) in sumber)
        {
            if (!tujuan.TryGetValue(kunci, out var ada) || Sidik(ada) != Sidik(item))
            {
                await TulisAsync(ke, item, cancellationToken).ConfigureAwait(false);
                disalin.Add(item);
            }
        }

        var akhir = await SemuaAsync(ke, cancellationToken).ConfigureAwait(false);
        var cocok = sumber.Values.Where(s => akhir.TryGetValue(Kunci(s), out var t) && Sidik(t) == Sidik(s)).ToList();
        var berbeda = sumber.Keys.Where(k => !akhir.TryGetValue(k, out var t) || Sidik(t) != Sidik(sumber[k])).ToList();
        var jumlahSumber = Jumlahkan(sumber.Values);
        var jumlahDisalin = Jumlahkan(disalin);
        var jumlahTujuan = Jumlahkan(akhir.Values);
        var jumlahCocok = Jumlahkan(cocok);
        var entitas = jumlahSumber.Keys.Concat(jumlahTujuan.Keys).Concat(ContohEntitas()).Distinct().ToList();
        return new LaporanSalin(Port,
            [.. entitas.Select(e => new JumlahSalin(e, jumlahSumber.GetValueOrDefault(e), jumlahDisalin.GetValueOrDefault(e),
                jumlahTujuan.GetValueOrDefault(e), jumlahCocok.GetValueOrDefault(e)))],
            berbeda);
    }

    /// <summary>The entity names this port reports even when both stores are empty.</summary>
    protected virtual IEnumerable<string> ContohEntitas() => [];

    private async Task<Dictionary<string, T>> SemuaAsync(IServiceProvider store, CancellationToken cancellationToken)
    {
        var hasil = new Dictionary<string, T>(StringComparer.Ordinal);
        await foreach (var item in BacaAsync(store, cancellationToken).ConfigureAwait(false))
        {
            hasil[Kunci(item)] = item;
        }

        return hasil;
    }

    private Dictionary<string, int> Jumlahkan(IEnumerable<T> items)
    {
        var hasil = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var (entitas, jumlah) in Hitung(item))
            {
                hasil[entitas] = hasil.GetValueOrDefault(entitas) + jumlah;
            }
        }

        return hasil;
    }

    /// <summary>A time as fixed-width UTC text, for fingerprints (no culture, no precision lost).</summary>
    protected static string Waktu(DateTimeOffset? waktu) =>
        waktu?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "-";
}
