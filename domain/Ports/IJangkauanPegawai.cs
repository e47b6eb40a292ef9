using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Ports;

/// <summary>
/// "Make sure the bot can write to this employee": the remembered chat when there is one, otherwise the bot's app is
/// installed for the person (when the deployment allows it) and the new chat remembered. A port so that a scheduled
/// job, which may reference only the domain, can call it with ids alone. Refusals are recorded in
/// <see cref="IPercakapanStore"/> and answered with null; only passing faults (throttling, outages) throw, so that
/// the caller retries them.
/// </summary>
public interface IJangkauanPegawai
{
    /// <summary>The chat to write to for the person with this Entra ID object id, or null when the bot cannot reach them.</summary>
    Task<ReferensiPercakapan?> PastikanPercakapanAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// The same for an employee of an office, through the Teams account remembered for the NIP
    /// (<see cref="IPenggunaStore.CariByNipAsync"/>); null when none is linked yet.
    /// </summary>
    Task<ReferensiPercakapan?> PastikanPercakapanAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken);
}
