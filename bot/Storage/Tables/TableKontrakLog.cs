namespace KinerjaBot.Storage.Tables;

/// <summary>Source-generated log messages of the Azure Tables SKP workflow store. Event ids 9800–9829 are stable.</summary>
internal static partial class TableKontrakLog
{
    [LoggerMessage(EventId = 9801, Level = LogLevel.Information, Message = "SKP {Kunci} saved to Azure Tables: {From} -> {To}, revision {Revision}")]
    public static partial void Saved(ILogger logger, string kunci, string from, string to, int revision);

    [LoggerMessage(EventId = 9802, Level = LogLevel.Information,
        Message = "SKP {Kunci} was changed by another writer: expected revision {Expected}, stored {Stored}; nothing written (Azure Tables)")]
    public static partial void Conflict(ILogger logger, string kunci, int expected, int stored);

    [LoggerMessage(EventId = 9803, Level = LogLevel.Information, Message = "SKP workflow of {KodeKantor} seeded in Azure Tables: {Count} new contracts")]
    public static partial void Seeded(ILogger logger, string kodeKantor, int count);

    [LoggerMessage(EventId = 9804, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} saved to Azure Tables ({Start} to {End})")]
    public static partial void DelegationSaved(ILogger logger, string kodeKantor, string id, DateOnly start, DateOnly end);

    [LoggerMessage(EventId = 9805, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} removed from Azure Tables")]
    public static partial void DelegationRemoved(ILogger logger, string kodeKantor, string id);

    [LoggerMessage(EventId = 9820, Level = LogLevel.Information, Message = "Store gc: superseded partition {PartitionKey} with {Entities} entities removed (dry run: {DryRun})")]
    public static partial void GcPartition(ILogger logger, string partitionKey, int entities, bool dryRun);

    [LoggerMessage(EventId = 9821, Level = LogLevel.Information,
        Message = "Store gc: {Seen} generation partitions seen, {Removed} removed ({Entities} entities), {Emails} e-mail rows removed, {TooNew} kept as too new (dry run: {DryRun})")]
    public static partial void GcDone(ILogger logger, int seen, int removed, int entities, int emails, int tooNew, bool dryRun);
}
