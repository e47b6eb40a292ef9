using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Salin;

/// <summary>
/// What <c>store copy</c> needs of an <see cref="IKontrakStore"/> adapter beyond the port: every workflow and every
/// delegation, and a write of a whole workflow as it is (a copy keeps the source's revision and audit trail).
/// </summary>
public interface ISalinanKontrak
{
    /// <summary>Every stored workflow, all offices and years.</summary>
    IAsyncEnumerable<PersetujuanSkp> SemuaAlurAsync(CancellationToken cancellationToken);

    /// <summary>Every Plt./Plh. assignment, all offices.</summary>
    IAsyncEnumerable<Delegasi> SemuaDelegasiAsync(CancellationToken cancellationToken);

    /// <summary>Writes the workflow as it is (state, versions, audit trail): idempotent, an audit line already stored is kept.</summary>
    Task TulisUtuhAsync(PersetujuanSkp skp, CancellationToken cancellationToken);
}

/// <summary>Every linked Teams user (the <see cref="IPenggunaStore"/> port looks up one at a time).</summary>
public interface ISalinanPengguna
{
    IAsyncEnumerable<PenggunaTerkait> SemuaAsync(CancellationToken cancellationToken);
}

/// <summary>The key of every person with a stored conversation entry (<see cref="IPercakapanStore.CariAsync"/> reads each).</summary>
public interface ISalinanPercakapan
{
    IAsyncEnumerable<string> SemuaAadAsync(CancellationToken cancellationToken);
}
