using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Scheduling;

/// <summary>
/// The tables Quartz.NET's persistent job store (4.x) reads and writes, described for EF Core so that our own
/// migrations create them on every provider and one <c>migrate</c> brings up everything. Quartz is not an EF
/// user: it speaks SQL through its ADO.NET delegates, so these are shared-type entities (property bags) that
/// the application never queries, with the names its delegates use — lower case, which PostgreSQL needs because
/// Quartz's SQL is unquoted and PostgreSQL folds unquoted names to lower case (SQL Server ignores case). Quartz
/// checks at start-up that they are all there (schema validation), which is what the PostgreSQL test relies on.
/// They carry no <c>Version</c> column: Quartz does its own locking (a row per lock in <c>qrtz_locks</c>).
/// <para>
/// Types follow what the delegates bind: times are <c>long</c> ticks, flags <c>bool</c> (boolean on PostgreSQL,
/// bit on SQL Server), serialised job data and calendars <c>byte[]</c> (bytea / varbinary(max)). Lengths are
/// those Quartz's own scripts give SQL Server, where a key column cannot be unbounded.
/// </para>
/// </summary>
public static class QuartzStoreModel
{
    public const string TablePrefix = "qrtz_";

    private const int SchedulerName = 120;
    private const int Name = 150;
    private const int Long = 200;
    private const int Text = 250;

    /// <summary>Every Quartz table name, for tests and tooling.</summary>
    public static IReadOnlyList<string> TableNames { get; } =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_fired_triggers",
        "qrtz_scheduler_state", "qrtz_locks", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
    ];

    public static void Apply(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        Table(modelBuilder, "qrtz_job_details", t =>
        {
            Job(t);
            t.Text("description", Text).Text("job_class_name", Text, required: true)
                .Flag("is_durable").Flag("is_nonconcurrent").Flag("is_update_data").Flag("requests_recovery").Blob("job_data");
            t.Key("sched_name", "job_name", "job_group");
            t.Index("sched_name", "job_group", "job_name");
        });
        Table(modelBuilder, "qrtz_triggers", t =>
        {
            TriggerKey(t);
            t.Text("job_name", Name, required: true).Text("job_group", Name, required: true).Text("description", Text)
                .Moment("next_fire_time").Moment("prev_fire_time").Number("priority")
                .Text("trigger_state", 16, required: true).Text("trigger_type", 8, required: true)
                .Moment("start_time", required: true).Moment("end_time").Text("calendar_name", Long).Number("misfire_instr")
                .Moment("misfire_orig_fire_time").Text("execution_group", Long).Text("preferred_node", Long)
                .Flag("preferred_node_auto", defaultValue: false)
                .Text("retry_policy", Text).Number("retry_attempt").Text("continues_trigger_name", Name).Text("continues_trigger_group", Name)
                .Number("continuation_condition").Number("overlap_policy").Text("pause_reason", Text).Text("paused_by", Long)
                .Moment("paused_at").Moment("misfire_threshold").OptionalFlag("fixed_delay").Blob("job_data");
            t.Key("sched_name", "trigger_name", "trigger_group");
            t.Builder.HasOne("qrtz_job_details", null).WithMany().HasForeignKey("sched_name", "job_name", "job_group").OnDelete(DeleteBehavior.NoAction);
            t.Index("sched_name", "job_name", "job_group");
            t.Index("sched_name", "trigger_group", "trigger_name");
            t.Index("sched_name", "calendar_name");
            t.Index("sched_name", "trigger_state", "next_fire_time", "priority", "misfire_instr");
        });
        TriggerDetail(modelBuilder, "qrtz_simple_triggers", t =>
            t.Moment("repeat_count", required: true).Moment("repeat_interval", required: true).Moment("times_triggered", required: true));
        TriggerDetail(modelBuilder, "qrtz_cron_triggers", t =>
            t.Text("cron_expression", SchedulerName, required: true).Text("time_zone_id", 80));
        TriggerDetail(modelBuilder, "qrtz_simprop_triggers", t =>
            t.Text("str_prop_1", 512).Text("str_prop_2", 512).Text("str_prop_3", 512).Number("int_prop_1").Number("int_prop_2")
                .Moment("long_prop_1").Moment("long_prop_2").Amount("dec_prop_1").Amount("dec_prop_2")
                .OptionalFlag("bool_prop_1").OptionalFlag("bool_prop_2").Text("time_zone_id", 80));
        TriggerDetail(modelBuilder, "qrtz_blob_triggers", t => t.Blob("blob_data"));
        Table(modelBuilder, "qrtz_calendars", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("calendar_name", Long, required: true).Blob("calendar", required: true);
            t.Key("sched_name", "calendar_name");
        });
        Table(modelBuilder, "qrtz_paused_trigger_grps", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("trigger_group", Name, required: true);
            Paused(t);
            t.Key("sched_name", "trigger_group");
        });
        Table(modelBuilder, "qrtz_paused_job_grps", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("job_group", Name, required: true);
            Paused(t);
            t.Key("sched_name", "job_group");
        });
        Table(modelBuilder, "qrtz_fired_triggers", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("entry_id", 140, required: true)
                .Text("trigger_name", Name, required: true).Text("trigger_group", Name, required: true).Text("instance_name", Long, required: true)
                .Moment("fired_time", required: true).Moment("sched_time", required: true).Number("priority", required: true)
                .Text("state", 16, required: true).Text("job_name", Name).Text("job_group", Name).Flag("is_nonconcurrent")
                .OptionalFlag("requests_recovery").Text("execution_group", Long).Number("progress").Text("progress_message", Text)
                .Moment("interrupt_requested_time");
            t.Key("sched_name", "entry_id");
            t.Index("sched_name", "instance_name", "requests_recovery");
            t.Index("sched_name", "job_name", "job_group");
            t.Index("sched_name", "trigger_name", "trigger_group");
        });
        Table(modelBuilder, "qrtz_scheduler_state", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("instance_name", Long, required: true)
                .Moment("last_checkin_time", required: true).Moment("checkin_interval", required: true).Text("quartz_version", 20);
            t.Key("sched_name", "instance_name");
        });
        Table(modelBuilder, "qrtz_locks", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("lock_name", 40, required: true);
            t.Key("sched_name", "lock_name");
        });
        Table(modelBuilder, "qrtz_execution_history", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("entry_id", 140, required: true).Text("instance_name", Long, required: true)
                .Text("job_name", Name, required: true).Text("job_group", Name, required: true)
                .Text("trigger_name", Name, required: true).Text("trigger_group", Name, required: true)
                .Moment("fired_time", required: true).Moment("run_time", required: true).Flag("succeeded").Text("error_message", null)
                .Number("retry_attempt", required: true, defaultValue: 0).Flag("retry_scheduled", defaultValue: false)
                .Text("execution_log", null).Number("result").Text("summary", null).Text("metrics", null).OptionalFlag("manual")
                .Text("fire_instance_id", Long).Text("job_input", null).OptionalFlag("job_input_too_large");
            t.Key("sched_name", "entry_id");
            t.Index("sched_name", "fired_time");
            t.Index("sched_name", "instance_name");
            t.Index("sched_name", "job_group", "job_name", "fired_time");
            t.Index("sched_name", "fire_instance_id");
            t.Index("sched_name", "trigger_group", "trigger_name", "fired_time");
        });
        Table(modelBuilder, "qrtz_misfire_history", t =>
        {
            t.Text("sched_name", SchedulerName, required: true).Text("entry_id", 140, required: true).Text("instance_name", Long, required: true)
                .Text("trigger_name", Name, required: true).Text("trigger_group", Name, required: true).Text("job_name", Name).Text("job_group", Name)
                .Moment("misfire_time", required: true).Moment("sched_time").Number("reason");
            t.Key("sched_name", "entry_id");
            t.Index("sched_name", "misfire_time");
            t.Index("sched_name", "instance_name");
        });
        Table(modelBuilder, "qrtz_job_status", t =>
        {
            Job(t);
            t.Moment("first_fired_time", required: true).Moment("last_fired_time", required: true).Number("last_result", required: true)
                .Moment("last_run_time", required: true).Text("last_instance_name", Long, required: true).Text("last_entry_id", 140)
                .Text("last_summary", null).Moment("last_success_time").Moment("last_failure_time").Text("last_failure_message", null)
                .Number("consecutive_failures", required: true, defaultValue: 0)
                .Moment("run_count", required: true, defaultValue: 0L).Moment("failure_count", required: true, defaultValue: 0L);
            t.Key("sched_name", "job_group", "job_name");
        });
    }

    private static void Job(QuartzTable t) =>
        t.Text("sched_name", SchedulerName, required: true).Text("job_name", Name, required: true).Text("job_group", Name, required: true);

    private static void TriggerKey(QuartzTable t) =>
        t.Text("sched_name", SchedulerName, required: true).Text("trigger_name", Name, required: true).Text("trigger_group", Name, required: true);

    private static void Paused(QuartzTable t) => t.Text("pause_reason", Text).Text("paused_by", Long).Moment("paused_at");

    /// <summary>A table holding one kind of trigger's details, removed with its trigger.</summary>
    private static void TriggerDetail(ModelBuilder modelBuilder, string name, Action<QuartzTable> columns) =>
        Table(modelBuilder, name, t =>
        {
            TriggerKey(t);
            columns(t);
            t.Key("sched_name", "trigger_name", "trigger_group");
            t.Builder.HasOne("qrtz_triggers", null).WithOne().HasForeignKey(name, "sched_name", "trigger_name", "trigger_group")
                .OnDelete(DeleteBehavior.Cascade);
        });

    private static void Table(ModelBuilder modelBuilder, string name, Action<QuartzTable> columns) =>
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(name, builder =>
        {
            builder.ToTable(name);
            columns(new QuartzTable(builder));
        });
}
