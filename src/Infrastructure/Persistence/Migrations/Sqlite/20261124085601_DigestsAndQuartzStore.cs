using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DigestsAndQuartzStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DigestDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestDeliveries_Users_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DigestSubscriptions",
                columns: table => new
                {
                    ManagerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LocalTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSubscriptions", x => x.ManagerId);
                    table.ForeignKey(
                        name: "FK_DigestSubscriptions_Users_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qrtz_calendars",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    calendar_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    calendar = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_calendars", x => new { x.sched_name, x.calendar_name });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_execution_history",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    execution_log = table.Column<string>(type: "TEXT", nullable: true),
                    fire_instance_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fired_time = table.Column<long>(type: "INTEGER", nullable: false),
                    instance_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    job_input = table.Column<string>(type: "TEXT", nullable: true),
                    job_input_too_large = table.Column<bool>(type: "INTEGER", nullable: true),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    manual = table.Column<bool>(type: "INTEGER", nullable: true),
                    metrics = table.Column<string>(type: "TEXT", nullable: true),
                    result = table.Column<int>(type: "INTEGER", nullable: true),
                    retry_attempt = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    retry_scheduled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    run_time = table.Column<long>(type: "INTEGER", nullable: false),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: true),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_execution_history", x => new { x.sched_name, x.entry_id });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_fired_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    execution_group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fired_time = table.Column<long>(type: "INTEGER", nullable: false),
                    instance_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    interrupt_requested_time = table.Column<long>(type: "INTEGER", nullable: true),
                    is_nonconcurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    progress = table.Column<int>(type: "INTEGER", nullable: true),
                    progress_message = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    requests_recovery = table.Column<bool>(type: "INTEGER", nullable: true),
                    sched_time = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_fired_triggers", x => new { x.sched_name, x.entry_id });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_job_details",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    is_durable = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_nonconcurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_update_data = table.Column<bool>(type: "INTEGER", nullable: false),
                    job_class_name = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    job_data = table.Column<byte[]>(type: "BLOB", nullable: true),
                    requests_recovery = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_job_details", x => new { x.sched_name, x.job_name, x.job_group });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_job_status",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    failure_count = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    first_fired_time = table.Column<long>(type: "INTEGER", nullable: false),
                    last_entry_id = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    last_failure_message = table.Column<string>(type: "TEXT", nullable: true),
                    last_failure_time = table.Column<long>(type: "INTEGER", nullable: true),
                    last_fired_time = table.Column<long>(type: "INTEGER", nullable: false),
                    last_instance_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_result = table.Column<int>(type: "INTEGER", nullable: false),
                    last_run_time = table.Column<long>(type: "INTEGER", nullable: false),
                    last_success_time = table.Column<long>(type: "INTEGER", nullable: true),
                    last_summary = table.Column<string>(type: "TEXT", nullable: true),
                    run_count = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_job_status", x => new { x.sched_name, x.job_group, x.job_name });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_locks",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    lock_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_locks", x => new { x.sched_name, x.lock_name });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_misfire_history",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    instance_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    misfire_time = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: true),
                    sched_time = table.Column<long>(type: "INTEGER", nullable: true),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_misfire_history", x => new { x.sched_name, x.entry_id });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_paused_job_grps",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    pause_reason = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: true),
                    paused_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_paused_job_grps", x => new { x.sched_name, x.job_group });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_paused_trigger_grps",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    pause_reason = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: true),
                    paused_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_paused_trigger_grps", x => new { x.sched_name, x.trigger_group });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_scheduler_state",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    instance_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    checkin_interval = table.Column<long>(type: "INTEGER", nullable: false),
                    last_checkin_time = table.Column<long>(type: "INTEGER", nullable: false),
                    quartz_version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_scheduler_state", x => new { x.sched_name, x.instance_name });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    calendar_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    continuation_condition = table.Column<int>(type: "INTEGER", nullable: true),
                    continues_trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    continues_trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    end_time = table.Column<long>(type: "INTEGER", nullable: true),
                    execution_group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fixed_delay = table.Column<bool>(type: "INTEGER", nullable: true),
                    job_data = table.Column<byte[]>(type: "BLOB", nullable: true),
                    job_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    misfire_instr = table.Column<int>(type: "INTEGER", nullable: true),
                    misfire_orig_fire_time = table.Column<long>(type: "INTEGER", nullable: true),
                    misfire_threshold = table.Column<long>(type: "INTEGER", nullable: true),
                    next_fire_time = table.Column<long>(type: "INTEGER", nullable: true),
                    overlap_policy = table.Column<int>(type: "INTEGER", nullable: true),
                    pause_reason = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: true),
                    paused_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    preferred_node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    preferred_node_auto = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    prev_fire_time = table.Column<long>(type: "INTEGER", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: true),
                    retry_attempt = table.Column<int>(type: "INTEGER", nullable: true),
                    retry_policy = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    start_time = table.Column<long>(type: "INTEGER", nullable: false),
                    trigger_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    trigger_type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                    table.ForeignKey(
                        name: "FK_qrtz_triggers_qrtz_job_details_sched_name_job_name_job_group",
                        columns: x => new { x.sched_name, x.job_name, x.job_group },
                        principalTable: "qrtz_job_details",
                        principalColumns: new[] { "sched_name", "job_name", "job_group" });
                });

            migrationBuilder.CreateTable(
                name: "qrtz_blob_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    blob_data = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_blob_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                    table.ForeignKey(
                        name: "FK_qrtz_blob_triggers_qrtz_triggers_sched_name_trigger_name_trigger_group",
                        columns: x => new { x.sched_name, x.trigger_name, x.trigger_group },
                        principalTable: "qrtz_triggers",
                        principalColumns: new[] { "sched_name", "trigger_name", "trigger_group" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qrtz_cron_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    cron_expression = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_cron_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                    table.ForeignKey(
                        name: "FK_qrtz_cron_triggers_qrtz_triggers_sched_name_trigger_name_trigger_group",
                        columns: x => new { x.sched_name, x.trigger_name, x.trigger_group },
                        principalTable: "qrtz_triggers",
                        principalColumns: new[] { "sched_name", "trigger_name", "trigger_group" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qrtz_simple_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    repeat_count = table.Column<long>(type: "INTEGER", nullable: false),
                    repeat_interval = table.Column<long>(type: "INTEGER", nullable: false),
                    times_triggered = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_simple_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                    table.ForeignKey(
                        name: "FK_qrtz_simple_triggers_qrtz_triggers_sched_name_trigger_name_trigger_group",
                        columns: x => new { x.sched_name, x.trigger_name, x.trigger_group },
                        principalTable: "qrtz_triggers",
                        principalColumns: new[] { "sched_name", "trigger_name", "trigger_group" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "qrtz_simprop_triggers",
                columns: table => new
                {
                    sched_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    trigger_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    trigger_group = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    bool_prop_1 = table.Column<bool>(type: "INTEGER", nullable: true),
                    bool_prop_2 = table.Column<bool>(type: "INTEGER", nullable: true),
                    dec_prop_1 = table.Column<long>(type: "INTEGER", precision: 13, scale: 4, nullable: true),
                    dec_prop_2 = table.Column<long>(type: "INTEGER", precision: 13, scale: 4, nullable: true),
                    int_prop_1 = table.Column<int>(type: "INTEGER", nullable: true),
                    int_prop_2 = table.Column<int>(type: "INTEGER", nullable: true),
                    long_prop_1 = table.Column<long>(type: "INTEGER", nullable: true),
                    long_prop_2 = table.Column<long>(type: "INTEGER", nullable: true),
                    str_prop_1 = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    str_prop_2 = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    str_prop_3 = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qrtz_simprop_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                    table.ForeignKey(
                        name: "FK_qrtz_simprop_triggers_qrtz_triggers_sched_name_trigger_name_trigger_group",
                        columns: x => new { x.sched_name, x.trigger_name, x.trigger_group },
                        principalTable: "qrtz_triggers",
                        principalColumns: new[] { "sched_name", "trigger_name", "trigger_group" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_ManagerId_PeriodKey",
                table: "DigestDeliveries",
                columns: new[] { "ManagerId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_execution_history_sched_name_fire_instance_id",
                table: "qrtz_execution_history",
                columns: new[] { "sched_name", "fire_instance_id" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_execution_history_sched_name_fired_time",
                table: "qrtz_execution_history",
                columns: new[] { "sched_name", "fired_time" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_execution_history_sched_name_instance_name",
                table: "qrtz_execution_history",
                columns: new[] { "sched_name", "instance_name" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_execution_history_sched_name_job_group_job_name_fired_time",
                table: "qrtz_execution_history",
                columns: new[] { "sched_name", "job_group", "job_name", "fired_time" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_execution_history_sched_name_trigger_group_trigger_name_fired_time",
                table: "qrtz_execution_history",
                columns: new[] { "sched_name", "trigger_group", "trigger_name", "fired_time" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_fired_triggers_sched_name_instance_name_requests_recovery",
                table: "qrtz_fired_triggers",
                columns: new[] { "sched_name", "instance_name", "requests_recovery" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_fired_triggers_sched_name_job_name_job_group",
                table: "qrtz_fired_triggers",
                columns: new[] { "sched_name", "job_name", "job_group" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_fired_triggers_sched_name_trigger_name_trigger_group",
                table: "qrtz_fired_triggers",
                columns: new[] { "sched_name", "trigger_name", "trigger_group" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_job_details_sched_name_job_group_job_name",
                table: "qrtz_job_details",
                columns: new[] { "sched_name", "job_group", "job_name" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_misfire_history_sched_name_instance_name",
                table: "qrtz_misfire_history",
                columns: new[] { "sched_name", "instance_name" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_misfire_history_sched_name_misfire_time",
                table: "qrtz_misfire_history",
                columns: new[] { "sched_name", "misfire_time" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_triggers_sched_name_calendar_name",
                table: "qrtz_triggers",
                columns: new[] { "sched_name", "calendar_name" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_triggers_sched_name_job_name_job_group",
                table: "qrtz_triggers",
                columns: new[] { "sched_name", "job_name", "job_group" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_triggers_sched_name_trigger_group_trigger_name",
                table: "qrtz_triggers",
                columns: new[] { "sched_name", "trigger_group", "trigger_name" });

            migrationBuilder.CreateIndex(
                name: "IX_qrtz_triggers_sched_name_trigger_state_next_fire_time_priority_misfire_instr",
                table: "qrtz_triggers",
                columns: new[] { "sched_name", "trigger_state", "next_fire_time", "priority", "misfire_instr" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestDeliveries");

            migrationBuilder.DropTable(
                name: "DigestSubscriptions");

            migrationBuilder.DropTable(
                name: "qrtz_blob_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_calendars");

            migrationBuilder.DropTable(
                name: "qrtz_cron_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_execution_history");

            migrationBuilder.DropTable(
                name: "qrtz_fired_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_job_status");

            migrationBuilder.DropTable(
                name: "qrtz_locks");

            migrationBuilder.DropTable(
                name: "qrtz_misfire_history");

            migrationBuilder.DropTable(
                name: "qrtz_paused_job_grps");

            migrationBuilder.DropTable(
                name: "qrtz_paused_trigger_grps");

            migrationBuilder.DropTable(
                name: "qrtz_scheduler_state");

            migrationBuilder.DropTable(
                name: "qrtz_simple_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_simprop_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_triggers");

            migrationBuilder.DropTable(
                name: "qrtz_job_details");
        }
    }
}
