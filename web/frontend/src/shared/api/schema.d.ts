// Generated from the server's OpenAPI spec (/docs/json) by `npm run api-types`. Do not edit.

export interface paths {
    "/api/alarm-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知发送记录（待发、重试中、已发、失败放弃），每条带 state */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "pending" | "retrying" | "sent" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警规则列表（每条规则的最新版本） */
        get: {
            parameters: {
                query?: {
                    kind?: "overspeed" | "fatigue" | "geofence" | "offline" | "terminal_alarm" | "sensor_fault" | "rate_of_change";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新建报警规则 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "overspeed";
                        name: string;
                        params: {
                            /** @default 60 */
                            limitKmh?: number;
                            /** @default 10 */
                            sustainS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "fatigue";
                        name: string;
                        params: {
                            /** @default 14400 */
                            continuousS?: number;
                            /** @default 28800 */
                            dailyS?: number;
                            /** @default 5 */
                            drivingSpeedKmh?: number;
                            /** @default 1200 */
                            restS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "geofence";
                        name: string;
                        params: {
                            /** @default 600 */
                            parkingMaxS?: number;
                            /** @default 5 */
                            parkingSpeedKmh?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "offline";
                        name: string;
                        params: {
                            /** @default 180 */
                            timeoutS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "terminal_alarm";
                        name: string;
                        params: {
                            /** @default [] */
                            ignoredBits?: number[];
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "sensor_fault";
                        name: string;
                        params: Record<string, never>;
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "rate_of_change";
                        name: string;
                        params: {
                            /** @default null */
                            maxFallPerMin?: number | null;
                            /** @default null */
                            maxRisePerMin?: number | null;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警规则（最新版本） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改报警规则（生成新版本） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "overspeed";
                        name: string;
                        params: {
                            /** @default 60 */
                            limitKmh?: number;
                            /** @default 10 */
                            sustainS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "fatigue";
                        name: string;
                        params: {
                            /** @default 14400 */
                            continuousS?: number;
                            /** @default 28800 */
                            dailyS?: number;
                            /** @default 5 */
                            drivingSpeedKmh?: number;
                            /** @default 1200 */
                            restS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "geofence";
                        name: string;
                        params: {
                            /** @default 600 */
                            parkingMaxS?: number;
                            /** @default 5 */
                            parkingSpeedKmh?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "offline";
                        name: string;
                        params: {
                            /** @default 180 */
                            timeoutS?: number;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "terminal_alarm";
                        name: string;
                        params: {
                            /** @default [] */
                            ignoredBits?: number[];
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "sensor_fault";
                        name: string;
                        params: Record<string, never>;
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    } | {
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "rate_of_change";
                        name: string;
                        params: {
                            /** @default null */
                            maxFallPerMin?: number | null;
                            /** @default null */
                            maxRisePerMin?: number | null;
                        };
                        regionCode?: string | null;
                        /** @default [] */
                        schedule?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                        /** @enum {string} */
                        severity?: "critical" | "major" | "minor" | "warning";
                        source?: {
                            id: number;
                            /** @enum {string} */
                            kind: "sensor" | "vehicle";
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规则两个版本之间的逐字段差异（默认：上一版本与最新版本） */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                after: unknown;
                                before: unknown;
                                field: string;
                                label: string;
                            }[];
                            from: {
                                createdAt: string;
                                createdBy: string | null;
                                version: number;
                            };
                            ruleId: number;
                            to: {
                                createdAt: string;
                                createdBy: string | null;
                                version: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用报警规则 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用报警规则 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规则的全部版本（新在前） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-rules/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警规则类型：各类型的参数（类型、单位、范围、中文名称、默认值）与生效时段模型，供表单生成 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                alarmTypes: string[];
                                /** @enum {string} */
                                defaultSeverity: "critical" | "major" | "minor" | "warning";
                                defaultSeverityLabel: string;
                                /** @enum {string} */
                                kind: "overspeed" | "fatigue" | "geofence" | "offline" | "terminal_alarm" | "sensor_fault" | "rate_of_change";
                                label: string;
                                note: string | null;
                                onWithoutRule: boolean;
                                params: {
                                    default: (number | number[]) | null;
                                    help: string | null;
                                    label: string;
                                    max: number | null;
                                    min: number | null;
                                    name: string;
                                    nullable: boolean;
                                    options?: {
                                        label: string;
                                        value: number;
                                    }[];
                                    /** @enum {string} */
                                    type: "integer" | "number" | "bitList";
                                    unit: string | null;
                                }[];
                                /** @enum {string} */
                                sourceKind: "sensor" | "vehicle";
                            }[];
                            schedule: {
                                clearsOutsideWindows: boolean;
                                days: {
                                    label: string;
                                    value: number;
                                }[];
                                emptyMeans: string;
                                maxWindows: number;
                                overnight: string;
                                timeFormat: string;
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警处置时限（确认、处置；按严重程度和区划） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 设置处置时限（同一严重程度和区划只有一条） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ackMinutes: number;
                        disposeMinutes: number;
                        /** @default null */
                        regionCode?: string | null;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        severity?: "critical" | "major" | "minor" | "warning" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-sla-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警通知订阅 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增报警通知订阅 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default [
                         *       "raised",
                         *       "escalated"
                         *     ]
                         */
                        actions?: ("raised" | "escalated" | "acknowledged" | "cleared" | "disposed" | "closed" | "reviewed")[];
                        /** @enum {string} */
                        channel: "webhook" | "sms";
                        /** @default true */
                        enabled?: boolean;
                        /** @default null */
                        enterpriseId?: number | null;
                        name: string;
                        /** @default null */
                        regionCode?: string | null;
                        /**
                         * @default [
                         *       "critical",
                         *       "major",
                         *       "minor",
                         *       "warning"
                         *     ]
                         */
                        severities?: ("critical" | "major" | "minor" | "warning")[];
                        target: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarm-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default [
                         *       "raised",
                         *       "escalated"
                         *     ]
                         */
                        actions?: ("raised" | "escalated" | "acknowledged" | "cleared" | "disposed" | "closed" | "reviewed")[];
                        /** @enum {string} */
                        channel: "webhook" | "sms";
                        /** @default true */
                        enabled?: boolean;
                        /** @default null */
                        enterpriseId?: number | null;
                        name: string;
                        /** @default null */
                        regionCode?: string | null;
                        /**
                         * @default [
                         *       "critical",
                         *       "major",
                         *       "minor",
                         *       "warning"
                         *     ]
                         */
                        severities?: ("critical" | "major" | "minor" | "warning")[];
                        target: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警列表（open：未消除或未确认） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    state?: "open" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认报警（SOS 报警同时下发 0x8203；tts 为 true 或文本时再下发语音播报 0x8300） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        tts?: boolean | string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传处置反馈附件（请求体为文件本身：JPEG、PNG 或 PDF，不超过 10 MB；文件名放在 X-File-Name，URL 编码） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/attachments/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载处置反馈附件 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 人工消除报警（条件消失时系统也会自动消除） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 消警（须先处置反馈；仍在报警的同时消除） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/dispose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处置反馈：原因、采取的措施、附件 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        attachments?: string[];
                        cause: string;
                        measures: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警处置记录（谁、何时、做了什么） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 监管部门核查（消警之后） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        comment?: string;
                        /** @enum {string} */
                        result: "passed" | "rejected";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{id}/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警联动抓拍与录像（按报警的辖区） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 断线重连后补取报警变更：since 为上次收到的 cursor（alarm 事件中的 cursor），返回其后变化的每条报警的当前状态 */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    since: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出报警记录（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    from?: unknown;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                    regionCode?: string;
                    severity?: "critical" | "major" | "minor" | "warning";
                    sourceId?: number;
                    sourceKind?: "sensor" | "vehicle";
                    state?: "active" | "cleared" | "unacknowledged" | "acknowledged" | "disposed" | "closed" | "unclosed" | "reviewed" | "breached";
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警历史（类型、严重程度、区划或园区、企业、报警对象、首次报警时间、处置状态） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    from?: unknown;
                    limit?: number;
                    offset?: number;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                    regionCode?: string;
                    severity?: "critical" | "major" | "minor" | "warning";
                    sourceId?: number;
                    sourceKind?: "sensor" | "vehicle";
                    state?: "active" | "cleared" | "unacknowledged" | "acknowledged" | "disposed" | "closed" | "unclosed" | "reviewed" | "breached";
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警统计：按类型、严重程度、区划、企业、日期（北京时间）计数，平均确认与消警用时，超时次数，高发对象 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    from?: unknown;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                    regionCode?: string;
                    severity?: "critical" | "major" | "minor" | "warning";
                    sourceId?: number;
                    sourceKind?: "sensor" | "vehicle";
                    state?: "active" | "cleared" | "unacknowledged" | "acknowledged" | "disposed" | "closed" | "unclosed" | "reviewed" | "breached";
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byDay: {
                                count: number;
                                day: string;
                            }[];
                            byEnterprise: {
                                count: number;
                                enterpriseId: number | null;
                                name: string | null;
                            }[];
                            byRegion: {
                                count: number;
                                name: string | null;
                                regionCode: string | null;
                            }[];
                            bySeverity: {
                                count: number;
                                label: string;
                                /** @enum {string} */
                                severity: "critical" | "major" | "minor" | "warning";
                            }[];
                            byType: {
                                count: number;
                                label: string;
                                type: string;
                            }[];
                            meanAckSeconds: number | null;
                            meanCloseSeconds: number | null;
                            slaBreaches: {
                                ack: number;
                                dispose: number;
                                escalated: number;
                            };
                            topSources: {
                                count: number;
                                id: number;
                                kind: string;
                                name: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/statistics.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出所选时段的报警统计（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    from?: unknown;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                    regionCode?: string;
                    severity?: "critical" | "major" | "minor" | "warning";
                    sourceId?: number;
                    sourceKind?: "sensor" | "vehicle";
                    state?: "active" | "cleared" | "unacknowledged" | "acknowledged" | "disposed" | "closed" | "unclosed" | "reviewed" | "breached";
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警统计：按类型、严重程度、区划、企业、日期（北京时间）计数，平均确认与消警用时，超时次数，高发对象（旧路径，同 /api/alarms/statistics） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    from?: unknown;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                    regionCode?: string;
                    severity?: "critical" | "major" | "minor" | "warning";
                    sourceId?: number;
                    sourceKind?: "sensor" | "vehicle";
                    state?: "active" | "cleared" | "unacknowledged" | "acknowledged" | "disposed" | "closed" | "unclosed" | "reviewed" | "breached";
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byDay: {
                                count: number;
                                day: string;
                            }[];
                            byEnterprise: {
                                count: number;
                                enterpriseId: number | null;
                                name: string | null;
                            }[];
                            byRegion: {
                                count: number;
                                name: string | null;
                                regionCode: string | null;
                            }[];
                            bySeverity: {
                                count: number;
                                label: string;
                                /** @enum {string} */
                                severity: "critical" | "major" | "minor" | "warning";
                            }[];
                            byType: {
                                count: number;
                                label: string;
                                type: string;
                            }[];
                            meanAckSeconds: number | null;
                            meanCloseSeconds: number | null;
                            slaBreaches: {
                                ack: number;
                                dispose: number;
                                escalated: number;
                            };
                            topSources: {
                                count: number;
                                id: number;
                                kind: string;
                                name: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报警类型的中文名称（type → 名称） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 操作日志 / 记录变更历史 */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    from?: unknown;
                    module?: string;
                    page?: number;
                    pageSize?: number;
                    recordId?: number;
                    to?: unknown;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPassword: string;
                        oldPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录，取得访问令牌 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            user: {
                                displayName: string | null;
                                mustChangePassword: boolean;
                                role: string;
                                username: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登录日志（系统管理员） */
        get: {
            parameters: {
                query?: {
                    from?: unknown;
                    page?: number;
                    pageSize?: number;
                    success?: "true" | "false";
                    to?: unknown;
                    username?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string | null;
                            enterpriseId: number | null;
                            mustChangePassword: boolean;
                            organization: {
                                id: number;
                                kind: string;
                                name: string;
                            } | null;
                            regionCode: string | null;
                            role: string;
                            username: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 视频监控列表 */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    enterpriseId?: number;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "enterpriseId" | "tankId" | "code" | "name" | "site" | "enabled" | "-enterpriseId" | "-tankId" | "-code" | "-name" | "-site" | "-enabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增视频监控 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId: number;
                        hazardSourceId?: number | null;
                        lat?: number | null;
                        lon?: number | null;
                        name: string;
                        pullUrl?: string | null;
                        site?: string | null;
                        tankId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 视频监控详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改视频监控 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId: number;
                        hazardSourceId?: number | null;
                        lat?: number | null;
                        lon?: number | null;
                        name: string;
                        pullUrl?: string | null;
                        site?: string | null;
                        tankId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除视频监控 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/play-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取摄像机播放地址（仅播放，限本人、本摄像机，短时有效，一次有效） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出视频监控（Excel） */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    enterpriseId?: number;
                    q?: string;
                    sort?: "enterpriseId" | "tankId" | "code" | "name" | "site" | "enabled" | "-enterpriseId" | "-tankId" | "-code" | "-name" | "-site" | "-enabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入视频监控（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 视频监控导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 采集网关列表 */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    enterpriseId?: number;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "code" | "name" | "enterpriseId" | "enabled" | "lastSeenAt" | "-code" | "-name" | "-enterpriseId" | "-enabled" | "-lastSeenAt";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增采集网关 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 采集网关详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改采集网关 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除采集网关 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置网关密钥（仅显示一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出采集网关（Excel） */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    enterpriseId?: number;
                    q?: string;
                    sort?: "code" | "name" | "enterpriseId" | "enabled" | "lastSeenAt" | "-code" | "-name" | "-enterpriseId" | "-enabled" | "-lastSeenAt";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 采集网关导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应急资源列表 */
        get: {
            parameters: {
                query?: {
                    kind?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: "regionCode" | "code" | "kind" | "name" | "address" | "contactPerson" | "contactPhone" | "-regionCode" | "-code" | "-kind" | "-name" | "-address" | "-contactPerson" | "-contactPhone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增应急资源 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        capacity?: string | null;
                        code: string;
                        contactPerson?: string | null;
                        contactPhone?: string | null;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "rescue_team" | "expert" | "supplies" | "equipment" | "shelter" | "transport_support" | "medical_support" | "communication_support";
                        lat: number;
                        lon: number;
                        name: string;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应急资源详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改应急资源 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        capacity?: string | null;
                        code: string;
                        contactPerson?: string | null;
                        contactPhone?: string | null;
                        enterpriseId?: number | null;
                        /** @enum {string} */
                        kind: "rescue_team" | "expert" | "supplies" | "equipment" | "shelter" | "transport_support" | "medical_support" | "communication_support";
                        lat: number;
                        lon: number;
                        name: string;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除应急资源 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出应急资源（Excel） */
        get: {
            parameters: {
                query?: {
                    kind?: string;
                    q?: string;
                    regionCode?: string;
                    sort?: "regionCode" | "code" | "kind" | "name" | "address" | "contactPerson" | "contactPhone" | "-regionCode" | "-code" | "-kind" | "-name" | "-address" | "-contactPerson" | "-contactPhone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入应急资源（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应急资源导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emergency-resources/nearest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 距离最近的应急资源 */
        get: {
            parameters: {
                query: {
                    kind?: "rescue_team" | "expert" | "supplies" | "equipment" | "shelter" | "transport_support" | "medical_support" | "communication_support";
                    lat: number;
                    limit?: number;
                    lon: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprise-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 二级单位列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "enterpriseId" | "code" | "name" | "principal" | "phone" | "-enterpriseId" | "-code" | "-name" | "-principal" | "-phone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增二级单位 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        code: string;
                        enterpriseId: number;
                        name: string;
                        phone?: string | null;
                        principal?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprise-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 二级单位详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改二级单位 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        code: string;
                        enterpriseId: number;
                        name: string;
                        phone?: string | null;
                        principal?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除二级单位 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprise-units/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出二级单位（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    q?: string;
                    sort?: "enterpriseId" | "code" | "name" | "principal" | "phone" | "-enterpriseId" | "-code" | "-name" | "-principal" | "-phone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprise-units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入二级单位（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprise-units/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 二级单位导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业信息列表 */
        get: {
            parameters: {
                query?: {
                    grade?: string;
                    industryType?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    scale?: string;
                    sort?: "code" | "name" | "regionCode" | "town" | "industryType" | "scale" | "grade" | "legalRepresentative" | "contactPhone" | "-code" | "-name" | "-regionCode" | "-town" | "-industryType" | "-scale" | "-grade" | "-legalRepresentative" | "-contactPhone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增企业信息 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        code: string;
                        contactPerson?: string | null;
                        contactPhone?: string | null;
                        /** @enum {string|null} */
                        grade?: "A" | "B" | "C" | "D" | null;
                        industry?: string | null;
                        industrySubtype?: string | null;
                        industryType?: string | null;
                        lat?: number | null;
                        legalRepresentative?: string | null;
                        lon?: number | null;
                        name: string;
                        parkId?: number | null;
                        regionCode: string;
                        /** @enum {string|null} */
                        scale?: "large" | "medium" | "small" | "micro" | null;
                        town?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业信息详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改企业信息 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        code: string;
                        contactPerson?: string | null;
                        contactPhone?: string | null;
                        /** @enum {string|null} */
                        grade?: "A" | "B" | "C" | "D" | null;
                        industry?: string | null;
                        industrySubtype?: string | null;
                        industryType?: string | null;
                        lat?: number | null;
                        legalRepresentative?: string | null;
                        lon?: number | null;
                        name: string;
                        parkId?: number | null;
                        regionCode: string;
                        /** @enum {string|null} */
                        scale?: "large" | "medium" | "small" | "micro" | null;
                        town?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除企业信息 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/{id}/move-region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 属地调整 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parkId?: number | null;
                        reason: string;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出企业信息（Excel） */
        get: {
            parameters: {
                query?: {
                    grade?: string;
                    industryType?: string;
                    q?: string;
                    regionCode?: string;
                    scale?: string;
                    sort?: "code" | "name" | "regionCode" | "town" | "industryType" | "scale" | "grade" | "legalRepresentative" | "contactPhone" | "-code" | "-name" | "-regionCode" | "-town" | "-industryType" | "-scale" | "-grade" | "-legalRepresentative" | "-contactPhone";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入企业信息（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业信息导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业统计（按区划、行业类型、规模、分级） */
        get: {
            parameters: {
                query?: {
                    by?: "region" | "industryType" | "scale" | "grade";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/expiry-warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 证照到期提醒（已过期及即将到期） */
        get: {
            parameters: {
                query?: {
                    withinDays?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/geofences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子围栏列表 */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    rule?: string;
                    shape?: string;
                    sort?: "regionCode" | "code" | "name" | "shape" | "rule" | "speedLimitKmh" | "enabled" | "-regionCode" | "-code" | "-name" | "-shape" | "-rule" | "-speedLimitKmh" | "-enabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增电子围栏 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        geometry: {
                            center: (number)[];
                            radiusM: number;
                            /** @enum {string} */
                            type: "circle";
                        } | {
                            coordinates: (number)[][];
                            /** @enum {string} */
                            type: "polygon";
                        } | {
                            line: (number)[][];
                            /** @enum {string} */
                            type: "corridor";
                            widthM: number;
                        };
                        name: string;
                        regionCode: string;
                        /** @enum {string} */
                        rule: "forbidden" | "allowed_only" | "speed_limit";
                        /** @enum {string} */
                        shape: "circle" | "polygon" | "corridor";
                        speedLimitKmh?: number | null;
                        /** @default [] */
                        timeWindows?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/geofences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子围栏详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改电子围栏 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @default true */
                        enabled?: boolean;
                        enterpriseId?: number | null;
                        geometry: {
                            center: (number)[];
                            radiusM: number;
                            /** @enum {string} */
                            type: "circle";
                        } | {
                            coordinates: (number)[][];
                            /** @enum {string} */
                            type: "polygon";
                        } | {
                            line: (number)[][];
                            /** @enum {string} */
                            type: "corridor";
                            widthM: number;
                        };
                        name: string;
                        regionCode: string;
                        /** @enum {string} */
                        rule: "forbidden" | "allowed_only" | "speed_limit";
                        /** @enum {string} */
                        shape: "circle" | "polygon" | "corridor";
                        speedLimitKmh?: number | null;
                        /** @default [] */
                        timeWindows?: {
                            days: number[];
                            from: string;
                            to: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除电子围栏 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/geofences/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出电子围栏（Excel） */
        get: {
            parameters: {
                query?: {
                    enabled?: string;
                    q?: string;
                    regionCode?: string;
                    rule?: string;
                    shape?: string;
                    sort?: "regionCode" | "code" | "name" | "shape" | "rule" | "speedLimitKmh" | "enabled" | "-regionCode" | "-code" | "-name" | "-shape" | "-rule" | "-speedLimitKmh" | "-enabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/geofences/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子围栏导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazard-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 重大危险源列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    level?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "enterpriseId" | "code" | "name" | "unitKind" | "peopleWithin500m" | "sumQRatio" | "rValue" | "level" | "-enterpriseId" | "-code" | "-name" | "-unitKind" | "-peopleWithin500m" | "-sumQRatio" | "-rValue" | "-level";
                    unitKind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增重大危险源 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chemicals: {
                            actualT: number;
                            /** @enum {string} */
                            betaClass: "co" | "so2" | "nh3" | "ethylene_oxide" | "hcl" | "ch3br" | "cl2" | "h2s" | "hf" | "no2" | "hcn" | "cocl2" | "ph3" | "mic" | "other_toxic_gas" | "other_highly_toxic_gas" | "explosive" | "flammable_gas" | "other";
                            cas?: string | null;
                            criticalT: number;
                            name: string;
                        }[];
                        code: string;
                        enterpriseId: number;
                        name: string;
                        peopleWithin500m: number;
                        /** @enum {string} */
                        unitKind: "production" | "storage";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazard-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 重大危险源详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改重大危险源 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chemicals: {
                            actualT: number;
                            /** @enum {string} */
                            betaClass: "co" | "so2" | "nh3" | "ethylene_oxide" | "hcl" | "ch3br" | "cl2" | "h2s" | "hf" | "no2" | "hcn" | "cocl2" | "ph3" | "mic" | "other_toxic_gas" | "other_highly_toxic_gas" | "explosive" | "flammable_gas" | "other";
                            cas?: string | null;
                            criticalT: number;
                            name: string;
                        }[];
                        code: string;
                        enterpriseId: number;
                        name: string;
                        peopleWithin500m: number;
                        /** @enum {string} */
                        unitKind: "production" | "storage";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除重大危险源 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazard-sources/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出重大危险源（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    level?: string;
                    q?: string;
                    sort?: "enterpriseId" | "code" | "name" | "unitKind" | "peopleWithin500m" | "sumQRatio" | "rValue" | "level" | "-enterpriseId" | "-code" | "-name" | "-unitKind" | "-peopleWithin500m" | "-sumQRatio" | "-rValue" | "-level";
                    unitKind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazard-sources/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 重大危险源导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载一条多媒体（照片为 JPEG） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/alarm-ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 人工确认报警（0x8203），终端据此清除紧急报警等需确认的报警位 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        alarmBits?: number;
                        /** @default 0 */
                        alarmSerial?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/geofences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下发区域/路线（0x8600 圆形、0x8602 矩形、0x8604 多边形、0x8606 路线） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fence: {
                            /** @default false */
                            alarmOnEnter?: boolean;
                            /** @default false */
                            alarmOnExit?: boolean;
                            center: {
                                lat: number;
                                lon: number;
                            };
                            id: number;
                            name?: string;
                            radiusM: number;
                            /** @enum {string} */
                            shape: "circle";
                            speedLimit?: {
                                maxKmh: number;
                                nightMaxKmh?: number;
                                overspeedS: number;
                            };
                            window?: {
                                end: unknown;
                                start: unknown;
                            };
                        } | {
                            /** @default false */
                            alarmOnEnter?: boolean;
                            /** @default false */
                            alarmOnExit?: boolean;
                            bottomRight: {
                                lat: number;
                                lon: number;
                            };
                            id: number;
                            name?: string;
                            /** @enum {string} */
                            shape: "rectangle";
                            speedLimit?: {
                                maxKmh: number;
                                nightMaxKmh?: number;
                                overspeedS: number;
                            };
                            topLeft: {
                                lat: number;
                                lon: number;
                            };
                            window?: {
                                end: unknown;
                                start: unknown;
                            };
                        } | {
                            /** @default false */
                            alarmOnEnter?: boolean;
                            /** @default false */
                            alarmOnExit?: boolean;
                            id: number;
                            name?: string;
                            /** @enum {string} */
                            shape: "polygon";
                            speedLimit?: {
                                maxKmh: number;
                                nightMaxKmh?: number;
                                overspeedS: number;
                            };
                            vertices: {
                                lat: number;
                                lon: number;
                            }[];
                            window?: {
                                end: unknown;
                                start: unknown;
                            };
                        } | {
                            /** @default false */
                            alarmOnEnter?: boolean;
                            /** @default false */
                            alarmOnExit?: boolean;
                            id: number;
                            name?: string;
                            points: {
                                lat: number;
                                lon: number;
                                widthM: number;
                            }[];
                            /** @enum {string} */
                            shape: "route";
                            speedLimit?: {
                                maxKmh: number;
                                nightMaxKmh?: number;
                                overspeedS: number;
                            };
                            window?: {
                                end: unknown;
                                start: unknown;
                            };
                        };
                        /**
                         * @default append
                         * @enum {string}
                         */
                        mode?: "replace" | "append" | "modify";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/geofences/{shape}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除终端上的区域/路线（0x8601/0x8603/0x8605/0x8607；不指定 ids 则全部删除） */
        delete: {
            parameters: {
                query?: {
                    ids?: string;
                };
                header?: never;
                path: {
                    id: number;
                    shape: "circle" | "rectangle" | "polygon" | "route";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 终端上传的照片等多媒体 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/params": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 设置终端参数（0x8103：心跳、限速、疲劳驾驶） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        continuousDrivingS?: number;
                        dailyDrivingS?: number;
                        fatigueWarningS?: number;
                        heartbeatS?: number;
                        maxParkingS?: number;
                        maxSpeedKmh?: number;
                        minRestS?: number;
                        overspeedDurationS?: number;
                        overspeedWarningDelta?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即拍照（0x8801）；照片随后以 0x0801 上传并保存 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        channel?: number;
                        /** @default 0 */
                        resolution?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jt808/vehicles/{id}/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下发文本信息（0x8300，可语音播报） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @default true */
                        tts?: boolean;
                        /** @default false */
                        urgent?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/map/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 大屏地图配置：瓦片地址与其坐标系（MAP_TILE_URL、MAP_TILE_CRS）；未配置时为离线矢量底图（GCJ-02） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            offlineCrs: "GCJ-02";
                            tiles: {
                                /** @enum {string} */
                                crs: "WGS-84" | "GCJ-02";
                                maxZoom: number;
                                subdomains: string | null;
                                url: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/map/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 地图企业图层（WGS-84）：位置、重大危险源数量与最高等级，按区域筛选 */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            coordinateSystem: "WGS-84";
                            items: {
                                code: string;
                                hazardSources: number;
                                id: number;
                                lat: number;
                                lon: number;
                                name: string;
                                parkId: number | null;
                                regionCode: string;
                                topHazardLevel: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登记模块的字段、列表列、筛选项与记录操作 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actions: {
                                    confirm?: string;
                                    danger?: boolean;
                                    input: {
                                        default?: unknown;
                                        help?: string;
                                        initialFrom?: string;
                                        label: string;
                                        multiline?: boolean;
                                        name: string;
                                        options?: {
                                            label: string;
                                            value: string;
                                        }[];
                                        ref?: {
                                            labelField: string;
                                            module: string;
                                            path?: string;
                                            query?: {
                                                [key: string]: string;
                                            };
                                        };
                                        region?: boolean;
                                        required: boolean;
                                        /** @enum {string} */
                                        type: "string" | "number" | "integer" | "boolean" | "date" | "enum" | "json" | "array";
                                    }[];
                                    label: string;
                                    /** @enum {string} */
                                    method: "POST" | "PUT" | "PATCH" | "DELETE";
                                    name: string;
                                    /** @description 路径模板，{id} 为记录ID */
                                    path: string;
                                    reveal?: {
                                        field: string;
                                        title: string;
                                        warning: string;
                                    };
                                    when?: {
                                        field: string;
                                        in?: string[];
                                        present?: boolean;
                                    };
                                }[];
                                canWrite: boolean;
                                columns: string[];
                                fields: {
                                    default?: unknown;
                                    help?: string;
                                    label: string;
                                    multiline?: boolean;
                                    name: string;
                                    options?: {
                                        label: string;
                                        value: string;
                                    }[];
                                    readOnly?: boolean;
                                    ref?: {
                                        labelField: string;
                                        module: string;
                                        path?: string;
                                        query?: {
                                            [key: string]: string;
                                        };
                                    };
                                    region?: boolean;
                                    required: boolean;
                                    /** @enum {string} */
                                    type: "string" | "number" | "integer" | "boolean" | "date" | "enum" | "json" | "array";
                                }[];
                                filters: {
                                    field: string;
                                    label: string;
                                    options?: {
                                        label: string;
                                        value: string;
                                    }[];
                                    ref?: {
                                        labelField: string;
                                        module: string;
                                        path?: string;
                                        query?: {
                                            [key: string]: string;
                                        };
                                    };
                                    /** @enum {string} */
                                    type: "select" | "region" | "text";
                                }[];
                                group: string;
                                importable: boolean;
                                label: string;
                                name: string;
                                path: string;
                                revealOnCreate?: {
                                    field: string;
                                    title: string;
                                    warning: string;
                                };
                            }[];
                            recordActions: {
                                users: {
                                    confirm?: string;
                                    danger?: boolean;
                                    input: {
                                        default?: unknown;
                                        help?: string;
                                        initialFrom?: string;
                                        label: string;
                                        multiline?: boolean;
                                        name: string;
                                        options?: {
                                            label: string;
                                            value: string;
                                        }[];
                                        ref?: {
                                            labelField: string;
                                            module: string;
                                            path?: string;
                                            query?: {
                                                [key: string]: string;
                                            };
                                        };
                                        region?: boolean;
                                        required: boolean;
                                        /** @enum {string} */
                                        type: "string" | "number" | "integer" | "boolean" | "date" | "enum" | "json" | "array";
                                    }[];
                                    label: string;
                                    /** @enum {string} */
                                    method: "POST" | "PUT" | "PATCH" | "DELETE";
                                    name: string;
                                    /** @description 路径模板，{id} 为记录ID */
                                    path: string;
                                    reveal?: {
                                        field: string;
                                        title: string;
                                        warning: string;
                                    };
                                    when?: {
                                        field: string;
                                        in?: string[];
                                        present?: boolean;
                                    };
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 地图图层：重大危险源（分级、位置）、电子围栏、应急资源（WGS-84），按区域筛选 */
        get: {
            parameters: {
                query?: {
                    /** @description 逗号分隔：hazardSources,geofences,emergencyResources；缺省为全部 */
                    layers?: string;
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 大屏总览指标（在线率、未处理报警、今日报警及逐时趋势、企业、重大危险源分级、在途车辆）
         * @description 实时更新：大屏在收到 Socket.IO /live 的 alarm 事件（任一 action）或 status 事件后，节流至多每 5 秒重新请求一次；另每 60 秒定时刷新一次（传感器超时判定与整点趋势不产生事件）。今日指北京时间自然日。
         */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            day: string;
                            enterprises: number;
                            hazardSources: {
                                byLevel: {
                                    count: number;
                                    level: number;
                                }[];
                                total: number;
                            };
                            openAlarms: {
                                critical: number;
                                major: number;
                                minor: number;
                                total: number;
                                warning: number;
                            };
                            safetyCommitmentRate: number | null;
                            sensors: {
                                online: number;
                                rate: number | null;
                                total: number;
                            };
                            todayAlarms: {
                                hourly: {
                                    count: number;
                                    hour: number;
                                }[];
                                total: number;
                            };
                            vehicles: {
                                online: number;
                                rate: number | null;
                                total: number;
                            };
                            vehiclesOnTrip: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/sensors/{id}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 传感器趋势（均值/最小/最大） */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    step?: number;
                    to?: unknown;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/tanks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐实时数据 */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/tanks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐详情：传感器、当前值、阈值、状态与未处理报警 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/tanks/{id}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐趋势：多个传感器的均值/最小/最大（按时段自动选步长，每条不超过 maxPoints 点），含阈值与报警持续时段 */
        get: {
            parameters: {
                query?: {
                    from?: unknown;
                    maxPoints?: number;
                    range?: "1h" | "24h" | "7d" | "30d" | "custom";
                    sensorIds?: string;
                    to?: unknown;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 车辆实时位置（GCJ-02）与状态（行驶、停车、离线、报警） */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 车辆详情：驾驶员与押运员、当前运单与货物、速度、连续驾驶与当日累计驾驶时长、最近报警 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monitor/vehicles/{id}/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 车辆轨迹回放（WGS-84）：点数超过 maxPoints 时由 InfluxDB 按时间分桶抽稀，否则全部明细；含 5 分钟以上停车与途中报警 */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    maxPoints?: number;
                    to?: unknown;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构列表（本辖区） */
        get: {
            parameters: {
                query?: {
                    kind?: "ministry" | "province" | "city" | "county" | "park" | "enterprise";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增机构（省、市、县应急管理部门，园区） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "park";
                        name: string;
                        parentId?: number | null;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{code}/outline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 区域轮廓（WGS-84 GeoJSON；无可用行政区划边界数据包，按区域内企业、储罐、摄像头、应急资源位置生成外包多边形） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bbox: (number)[] | null;
                            code: string;
                            geometry: {
                                coordinates: (number)[][][];
                                /** @enum {string} */
                                type: "Polygon";
                            } | null;
                            name: string | null;
                            pointCount: number;
                            /** @enum {string} */
                            source: "points_hull" | "points_bbox" | "none";
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 所选区域的成员（大屏据此筛选储罐列表与实时报警）
         * @description 企业编号列表；无所属企业的记录（如园区摄像头）按 unassigned 判定：prefix 为行政区划代码前缀，code 为园区所在区划代码。与带 region 参数的接口使用同一范围规则。
         */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enterpriseIds: number[];
                            unassigned: ({
                                prefix: string;
                            } | {
                                code: string;
                            }) | null;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行政区划选项（省、市、县三级，限本账号管辖范围） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                children?: {
                                    children?: {
                                        label: string;
                                        value: string;
                                    }[];
                                    label: string;
                                    value: string;
                                }[];
                                label: string;
                                value: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 区域下钻树（本账号管辖范围的根节点及其下省、市、县、园区）
         * @description 扁平列表，父节点在前；code 可作为其他接口的 region 参数。dataOnly=true 只保留有企业的区域。
         */
        get: {
            parameters: {
                query?: {
                    dataOnly?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nodes: {
                                code: string;
                                enterprises: number;
                                hasData: boolean;
                                /** @enum {string} */
                                level: "country" | "province" | "city" | "county" | "park" | "enterprise";
                                name: string;
                                parentCode: string | null;
                                tanks: number;
                                vehicles: number;
                            }[];
                            root: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tanks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐与传感器列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazardSourceId?: number;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "enterpriseId" | "hazardSourceId" | "code" | "name" | "medium" | "capacityM3" | "-enterpriseId" | "-hazardSourceId" | "-code" | "-name" | "-medium" | "-capacityM3";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增储罐与传感器 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacityM3?: number | null;
                        code: string;
                        enterpriseId: number;
                        hazardSourceId?: number | null;
                        lat?: number | null;
                        lon?: number | null;
                        medium?: string | null;
                        name: string;
                        sensors?: {
                            code: string;
                            /** @default 0 */
                            deadband?: number;
                            /** @default 0 */
                            delayS?: number;
                            deviceId?: number | null;
                            high?: number | null;
                            highHigh?: number | null;
                            /** @default 300 */
                            interruptionTimeoutS?: number;
                            /** @enum {string} */
                            kind: "level" | "temperature" | "pressure" | "combustible_gas" | "toxic_gas" | "oxygen";
                            low?: number | null;
                            lowLow?: number | null;
                            rangeMax?: number | null;
                            rangeMin?: number | null;
                            unit?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tanks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐与传感器详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改储罐与传感器 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacityM3?: number | null;
                        code: string;
                        enterpriseId: number;
                        hazardSourceId?: number | null;
                        lat?: number | null;
                        lon?: number | null;
                        medium?: string | null;
                        name: string;
                        sensors?: {
                            code: string;
                            /** @default 0 */
                            deadband?: number;
                            /** @default 0 */
                            delayS?: number;
                            deviceId?: number | null;
                            high?: number | null;
                            highHigh?: number | null;
                            /** @default 300 */
                            interruptionTimeoutS?: number;
                            /** @enum {string} */
                            kind: "level" | "temperature" | "pressure" | "combustible_gas" | "toxic_gas" | "oxygen";
                            low?: number | null;
                            lowLow?: number | null;
                            rangeMax?: number | null;
                            rangeMin?: number | null;
                            unit?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除储罐与传感器 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tanks/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出储罐与传感器（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazardSourceId?: number;
                    q?: string;
                    sort?: "enterpriseId" | "hazardSourceId" | "code" | "name" | "medium" | "capacityM3" | "-enterpriseId" | "-hazardSourceId" | "-code" | "-name" | "-medium" | "-capacityM3";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tanks/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 储罐与传感器导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transport-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶员与押运员列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    kind?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "enterpriseId" | "kind" | "name" | "phone" | "certificateNo" | "certificateExpiresOn" | "-enterpriseId" | "-kind" | "-name" | "-phone" | "-certificateNo" | "-certificateExpiresOn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增驾驶员与押运员 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        certificateExpiresOn: string;
                        certificateNo: string;
                        enterpriseId: number;
                        idNumber: string;
                        /** @enum {string} */
                        kind: "driver" | "escort";
                        name: string;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transport-staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶员与押运员详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改驾驶员与押运员 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        certificateExpiresOn: string;
                        certificateNo: string;
                        enterpriseId: number;
                        idNumber: string;
                        /** @enum {string} */
                        kind: "driver" | "escort";
                        name: string;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除驾驶员与押运员 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transport-staff/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出驾驶员与押运员（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    kind?: string;
                    q?: string;
                    sort?: "enterpriseId" | "kind" | "name" | "phone" | "certificateNo" | "certificateExpiresOn" | "-enterpriseId" | "-kind" | "-name" | "-phone" | "-certificateNo" | "-certificateExpiresOn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transport-staff/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入驾驶员与押运员（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transport-staff/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶员与押运员导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/unbound-terminals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未绑定车辆的终端（注册被拒） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表（本辖区） */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增用户（未填密码时生成初始密码，首次登录须修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        organizationId: number;
                        password?: string;
                        phone?: string | null;
                        /** @enum {string} */
                        role: "admin" | "operator" | "official" | "enterprise_admin" | "enterprise_user" | "expert" | "driver";
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改用户 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        disabled?: boolean;
                        displayName: string;
                        organizationId: number;
                        phone?: string | null;
                        /** @enum {string} */
                        role: "admin" | "operator" | "official" | "enterprise_admin" | "enterprise_user" | "expert" | "driver";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码（新密码只显示一次，首次登录须修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 危险货物运输车辆列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazmatClass?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "plate" | "enterpriseId" | "terminalPhone" | "hazmatClass" | "tankVolumeM3" | "inspectionExpiresOn" | "-plate" | "-enterpriseId" | "-terminalPhone" | "-hazmatClass" | "-tankVolumeM3" | "-inspectionExpiresOn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增危险货物运输车辆 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId: number;
                        /** @enum {string|null} */
                        hazmatClass?: "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | null;
                        /** Format: date */
                        inspectionExpiresOn?: string | null;
                        plate: string;
                        /** @default 2 */
                        plateColor?: number;
                        speedLimitKmh?: number | null;
                        tankVolumeM3?: number | null;
                        terminalPhone?: string | null;
                        vin?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 危险货物运输车辆详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改危险货物运输车辆 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enterpriseId: number;
                        /** @enum {string|null} */
                        hazmatClass?: "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | null;
                        /** Format: date */
                        inspectionExpiresOn?: string | null;
                        plate: string;
                        /** @default 2 */
                        plateColor?: number;
                        speedLimitKmh?: number | null;
                        tankVolumeM3?: number | null;
                        terminalPhone?: string | null;
                        vin?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除危险货物运输车辆 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}/release-terminal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 解除终端绑定
         * @description 清除车辆绑定的终端（终端ID、制造商、型号、IMEI）和鉴权码；下一台注册的终端将绑定到该车辆。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}/video/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 打开车载视频通道（JT/T 1078 0x9101），返回播放地址；无人观看一段时间后自动关闭 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出危险货物运输车辆（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazmatClass?: string;
                    q?: string;
                    sort?: "plate" | "enterpriseId" | "terminalPhone" | "hazmatClass" | "tankVolumeM3" | "inspectionExpiresOn" | "-plate" | "-enterpriseId" | "-terminalPhone" | "-hazmatClass" | "-tankVolumeM3" | "-inspectionExpiresOn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入危险货物运输车辆（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 危险货物运输车辆导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video-layout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人的视频宫格布局与轮巡设置 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 保存本人的视频宫格布局与轮巡设置 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grid: 1 | 4 | 9 | 16;
                        panes: (({
                            id: number;
                            /** @enum {string} */
                            kind: "camera";
                        } | {
                            channel: number;
                            id: number;
                            /** @enum {string} */
                            kind: "vehicle";
                        }) | null)[];
                        patrol: {
                            /** @default false */
                            enabled?: boolean;
                            /** @default 30 */
                            intervalS?: number;
                            /** @default [] */
                            items?: ({
                                id: number;
                                /** @enum {string} */
                                kind: "camera";
                            } | {
                                channel: number;
                                id: number;
                                /** @enum {string} */
                                kind: "vehicle";
                            })[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 视频监控点位及其状态（推流中、转发状态），限本辖区，可按区域收窄 */
        get: {
            parameters: {
                query?: {
                    /** @description 在本人权限范围内收窄：六位行政区划代码，或 park:<园区机构编号>；超出权限范围返回 403 */
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                enabled: boolean;
                                enterpriseId: number;
                                hazardSourceId: number | null;
                                id: number;
                                lat: number | null;
                                live: boolean;
                                lon: number | null;
                                name: string;
                                relay: {
                                    lastError: string | null;
                                    nextAttemptAt: string | null;
                                    restarts: number;
                                    since: string;
                                    /** @enum {string} */
                                    state: "starting" | "running" | "backoff" | "stopped";
                                } | null;
                                site: string | null;
                                /** @enum {string} */
                                source: "rtmp" | "rtsp";
                                stream: string;
                                tankId: number | null;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vocabularies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 代码表：各类代码与中文名称（传感器类型、报警类型、严重程度、处置状态、操作类型、角色等） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alarmDisplayStates: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            alarmEventActions: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            alarmHistoryStates: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            alarmTypes: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            auditActions: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            emergencyResourceKinds: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            expiryKinds: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            hazardLevels: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            loginFailureReasons: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            notificationStates: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            organizationKinds: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            reviewResults: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            roles: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            ruleKinds: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            sensorKinds: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            sensorStates: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            severities: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            thresholdLevels: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                            vehicleStates: {
                                code: string;
                                label: string;
                                rank?: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waybills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子运单列表 */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazmatClass?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "code" | "enterpriseId" | "vehicleId" | "driverId" | "goodsName" | "unNumber" | "hazmatClass" | "quantityT" | "origin" | "destination" | "departureAt" | "status" | "-code" | "-enterpriseId" | "-vehicleId" | "-driverId" | "-goodsName" | "-unNumber" | "-hazmatClass" | "-quantityT" | "-origin" | "-destination" | "-departureAt" | "-status";
                    status?: string;
                    vehicleId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 新增电子运单 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        arrivalAt?: string | null;
                        code: string;
                        consignee: string;
                        consignor: string;
                        /** Format: date-time */
                        departureAt: string;
                        destination: string;
                        driverId: number;
                        enterpriseId: number;
                        escortId: number;
                        goodsName: string;
                        /** @enum {string} */
                        hazmatClass: "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
                        loader: string;
                        origin: string;
                        /** @enum {string|null} */
                        packingGroup?: "I" | "II" | "III" | null;
                        quantityT: number;
                        route?: string | null;
                        /**
                         * @default planned
                         * @enum {string}
                         */
                        status?: "planned" | "in_transit" | "completed" | "cancelled";
                        unNumber: string;
                        vehicleId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waybills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子运单详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 修改电子运单 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        arrivalAt?: string | null;
                        code: string;
                        consignee: string;
                        consignor: string;
                        /** Format: date-time */
                        departureAt: string;
                        destination: string;
                        driverId: number;
                        enterpriseId: number;
                        escortId: number;
                        goodsName: string;
                        /** @enum {string} */
                        hazmatClass: "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
                        loader: string;
                        origin: string;
                        /** @enum {string|null} */
                        packingGroup?: "I" | "II" | "III" | null;
                        quantityT: number;
                        route?: string | null;
                        /**
                         * @default planned
                         * @enum {string}
                         */
                        status?: "planned" | "in_transit" | "completed" | "cancelled";
                        unNumber: string;
                        vehicleId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** 删除电子运单 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waybills/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出电子运单（Excel） */
        get: {
            parameters: {
                query?: {
                    enterpriseId?: number;
                    hazmatClass?: string;
                    q?: string;
                    sort?: "code" | "enterpriseId" | "vehicleId" | "driverId" | "goodsName" | "unNumber" | "hazmatClass" | "quantityT" | "origin" | "destination" | "departureAt" | "status" | "-code" | "-enterpriseId" | "-vehicleId" | "-driverId" | "-goodsName" | "-unNumber" | "-hazmatClass" | "-quantityT" | "-origin" | "-destination" | "-departureAt" | "-status";
                    status?: string;
                    vehicleId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waybills/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 Excel 导入电子运单（全部成功才写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waybills/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子运单导入模板 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各组件健康状态，任一异常时返回 503 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus 指标 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
